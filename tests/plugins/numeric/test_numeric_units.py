"""Units through pint (issue 12, item 2): each family in French and English, compared
across units; currencies are two measures unless a rate is given; durations of any unit."""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.units import factor, unit_after


@pytest.mark.parametrize(
    "text,lang,family,base",
    [
        ("La digue mesure 12 kilomètres.", "fr", "length", 12_000),
        ("The dyke is 12 km long.", "en", "length", 12_000),
        ("The trail runs 10 miles.", "en", "length", 16_093.44),
        ("Le feu a détruit 300 hectares.", "fr", "area", 3_000_000),
        ("The fire burned 300 hectares.", "en", "area", 3_000_000),
        ("Le lac couvre 4 km².", "fr", "area", 4_000_000),
        ("The fire burned 1,000 acres.", "en", "area", 1000 * factor("acre", "area")),
        ("Le navire transportait 2 000 tonnes de blé.", "fr", "mass", 2_000_000),
        ("The ship carried 2,000 metric tons of wheat.", "en", "mass", 2_000_000),
        ("Des rafales à 190 km/h ont été relevées.", "fr", "speed", 190),
        ("Gusts of 120 mph were recorded.", "en", "speed", 193.12128),
        ("La centrale produira 400 mégawatts.", "fr", "power", 400e6),
        ("The plant will produce 400 MW.", "en", "power", 400e6),
    ],
)
def test_unit_families(text, lang, family, base):
    (q,) = [q for q in parse_quantities(text, lang) if q.qtype not in ("year",)]
    assert q.qtype == family
    assert q.low == pytest.approx(base, rel=1e-6)


def test_tons_cover_short_and_long_tons():
    (q,) = parse_quantities("The ship carried 2,000 tons of wheat.", "en")
    assert q.low == pytest.approx(2000 * factor("short_ton", "mass"))
    assert q.high == pytest.approx(2000 * factor("long_ton", "mass"))


def test_symbols_are_case_sensitive():
    assert unit_after(" MW", 0) is not None and unit_after(" mw", 0) is None


@pytest.mark.parametrize(
    "a,b",
    [
        ("Le feu a détruit 300 hectares près de Gardanne.", "The Gardanne fire burned 3 km²."),  # same area
        ("The dyke near Zeeland is 12 km long.", "La digue de Zeeland mesure 12 000 mètres."),
        ("Le navire a livré 2 000 tonnes à Rouen.", "The ship delivered 2,000 metric tons in Rouen."),
        ("Les rafales ont atteint 161 km/h à Brest.", "Gusts reached 100 mph in Brest."),
    ],
)
def test_same_measure_in_other_units_is_silent(a, b):
    assert warnings(a, b) == []


@pytest.mark.parametrize(
    "a,b",
    [
        ("Le feu a détruit 300 hectares près de Gardanne.", "The Gardanne fire burned 30 km²."),
        ("The dyke near Zeeland is 12 km long.", "La digue de Zeeland mesure 20 kilomètres."),
        ("Les rafales ont atteint 190 km/h à Brest.", "Gusts reached 90 mph in Brest."),
    ],
)
def test_different_measures_in_other_units_conflict(a, b):
    assert warnings(a, b)


@pytest.mark.parametrize(
    "a,b,conflict",
    [
        ("The Leeds works will last 30 months.", "The Leeds works will last two years.", True),
        ("Les travaux de Brest dureront six semaines.", "Les travaux de Brest dureront deux mois.", True),
        ("Les travaux de Brest dureront 24 mois.", "Les travaux de Brest dureront deux ans.", False),
        ("Les travaux de Brest dureront un mois.", "Les travaux de Brest dureront quatre semaines.", False),
    ],
)
def test_durations_across_units(a, b, conflict):
    assert bool(warnings(a, b)) is conflict


def test_durations_across_languages_with_nothing_else_in_common_are_suggestions():
    # what lasted is in the words around the figure: with no shared word (two languages, no
    # encoder) a duration stated once by each article is worth a look, not a warning
    a, b = "Selon la mairie de Brest, le chantier durera 2 ans.", "Brest city hall said the works will last 3 years."
    assert warnings(a, b) == []
    assert [f.level for f in findings(a, b)] == ["suggestion"]


def test_race_times_digits_and_words():
    (q1,) = parse_quantities("Il a gagné en 2:11:05.", "fr")
    (q2,) = parse_quantities("Il a gagné en 2 h 11 min 05 s.", "fr")
    (q3,) = parse_quantities("He won in 2 hours, 11 minutes and 5 seconds.", "en")
    assert q1.qtype == q2.qtype == q3.qtype == "duration"
    assert q1.low == pytest.approx(q2.low) == pytest.approx(q3.low)
    assert warnings("Kiprop a remporté le marathon de Lyon en 2:11:05.", "Kiprop won the Lyon marathon in 2:13:40.")


@pytest.mark.parametrize(
    "text,lang,code",
    [
        ("un budget de 40 €", "fr", "EUR"),
        ("a budget of EUR 40", "en", "EUR"),
        ("40 euros", "fr", "EUR"),
        ("£40m", "en", "GBP"),
        ("$40", "en", "USD"),
        ("40 francs suisses", "fr", "CHF"),
    ],
)
def test_currencies_by_symbol_code_or_word(text, lang, code):
    (q,) = parse_quantities(text, lang)
    assert q.unit == code


def test_two_currencies_are_two_measures():
    assert (
        findings(
            "Le club de Lisbonne a payé le transfert 68 millions d'euros.",
            "The Lisbon club paid £86 million for the transfer.",
        )
        == []
    )

"""Values formatted for the reader's locale (checker.i18n.format, babel)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.i18n import format as fmt
from checker.i18n import supported
from plugins.numeric.quantity import Quantity


def q(**kw) -> Quantity:
    base = {"start": 0, "end": 1, "text": "x", "low": 0.0, "high": 0.0}
    base.update(kw)
    if "nominal" in kw and "low" not in kw:
        base["low"] = base["high"] = kw["nominal"]
    return Quantity(**base)


def day(y, m, d) -> float:
    return float(dt.date(y, m, d).toordinal())


@pytest.mark.parametrize(
    ("x", "fr", "en"),
    [
        (1800, "1 800", "1,800"),
        (13.75, "13,75", "13.75"),
        (0.5, "0,5", "0.5"),
        (13.75e9, "13,75 milliards", "13.75 billion"),
        (1e9, "1 milliard", "1 billion"),
        (2.5e6, "2,5 millions", "2.5 million"),
    ],
)
def test_numbers(x, fr, en):
    assert fmt.number(x, "fr") == fr
    assert fmt.number(x, "en") == en


def test_no_narrow_or_hard_spaces_come_out():
    assert "\u202f" not in fmt.number(1234567.5, "fr", compact=False) and fmt.number(1800, "fr") == "1 800"
    assert "\xa0" not in fmt.duration(6, "hour", "fr")


@pytest.mark.parametrize(
    ("x", "code", "fr", "en"),
    [
        (13.75e9, "USD", "13,75 milliards de dollars", "$13.75 billion"),
        (1e9, "USD", "1 milliard de dollars", "$1 billion"),
        (1800, "EUR", "1 800 euros", "€1,800"),
        (1, "EUR", "1 euro", "€1"),
        (350e6, "EUR", "350 millions d'euros", "€350 million"),
        (5e6, "CHF", "5 millions de francs suisses", "CHF 5 million"),
        (20e6, "XYZ", "20 millions XYZ", "XYZ 20 million"),
    ],
)
def test_money_with_scale_words(x, code, fr, en):
    assert fmt.money(x, code, "fr") == fr
    assert fmt.money(x, code, "en") == en


def test_french_elides_de_before_a_vowel():
    assert fmt.counted(2e6, "habitants", "fr") == "2 millions d'habitants"
    assert fmt.counted(2e6, "personnes", "fr") == "2 millions de personnes"


def test_counts_keep_the_noun_as_written():
    assert fmt.quantity(q(nominal=1800, noun="personnes"), "fr") == "1 800 personnes"
    assert fmt.quantity(q(nominal=1800, noun="people"), "en") == "1,800 people"
    assert fmt.quantity(q(nominal=1800, noun="people", approx="about"), "en") == "≈ 1,800 people"


@pytest.mark.parametrize(
    ("x", "unit", "fr", "en"),
    [(6, "hour", "6 heures", "6 hours"), (1, "day", "1 jour", "1 day"), (2.5, "week", "2,5 semaines", "2.5 weeks")],
)
def test_durations(x, unit, fr, en):
    assert fmt.duration(x, unit, "fr") == fr
    assert fmt.duration(x, unit, "en") == en


def test_duration_quantity_is_shown_in_its_written_unit():
    hours = q(nominal=0.25, unit="day", qtype="duration", extra={"unit_text": "hour", "factor": 1 / 24})
    assert fmt.quantity(hours, "fr") == "6 heures"
    assert fmt.quantity(hours, "en") == "6 hours"


def test_percentages_follow_the_locale_spacing():
    assert fmt.percent(30, "fr") == "30 %"
    assert fmt.percent(30, "en") == "30%"
    assert fmt.percent(38.1, "fr") == "38,1 %"
    assert fmt.share(0.02, "fr") == "2 %"
    share = q(nominal=30, unit="percent", qtype="share")
    assert fmt.quantity(share, "en") == "30%"
    ranged = q(low=30, high=35, nominal=30, unit="percent", qtype="share", approx="range")
    assert fmt.quantity(ranged, "fr") == "30 % – 35 %"


def test_dates():
    d = day(2000, 3, 12)
    assert fmt.quantity(q(low=d, high=d, qtype="date", unit="daymonth", extra={"no_year": True}), "fr") == "12 mars"
    assert fmt.quantity(q(low=d, high=d, qtype="date", unit="daymonth", extra={"no_year": True}), "en") == "March 12"
    full = day(2025, 3, 14)
    assert fmt.quantity(q(low=full, high=full, qtype="date", unit="date"), "fr") == "14 mars 2025"
    assert fmt.quantity(q(low=full, high=full, qtype="date", unit="date"), "en") == "March 14, 2025"
    month = q(low=day(2024, 3, 1), high=day(2024, 3, 31), qtype="date", unit="date", extra={"month_only": True})
    assert fmt.quantity(month, "fr") == "mars 2024" and fmt.quantity(month, "en") == "March 2024"


def test_years_are_never_grouped():
    y = q(low=day(2030, 1, 1), high=day(2030, 12, 31), qtype="year", unit="year")
    assert fmt.quantity(y, "fr") == "2030" and fmt.quantity(y, "en") == "2030"


def test_ranks():
    assert fmt.quantity(q(nominal=3, qtype="rank", unit="place"), "fr") == "3e place"
    assert fmt.quantity(q(nominal=1, qtype="rank", unit="place"), "fr") == "1re place"
    assert fmt.quantity(q(nominal=3, qtype="rank", unit="place"), "en") == "3rd place"
    assert fmt.quantity(q(nominal=2, qtype="rank", unit="stage"), "fr") == "stade 2"


def test_decimal_scores():
    assert fmt.decimal(0.1184, "fr") == "0,118" and fmt.decimal(0.1184, "en") == "0.118"
    assert fmt.decimal(1, "fr", 2, fixed=True) == "1,00" and fmt.decimal(0.5, "en", 2) == "0.5"


def test_unsupported_languages_read_english():
    assert supported("es") == "en" and supported("fr-CA") == "fr" and supported(None) == "en"
    assert fmt.number(1800, "de") == "1,800"

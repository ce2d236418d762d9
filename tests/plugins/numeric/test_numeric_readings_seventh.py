"""Readings a reader makes without thinking (issue 12, seventh session).

Written from the kinds of false alarm of the promoted development corpora (eval-blind-6,
consistent-5), in new words, before the code:

* "No one was injured" says no injury, not one;
* a fronted time adverbial ("En 2019, ...", "In May 2021, ...") dates every figure of its
  sentence, however long the sentence;
* a month or a day with no year is the last such one when the verb is in the past ("had
  been found in December", in an article of October), the next one when it is in the future;
* a date at the head of its sentence takes the sentence's verb as its event when the parse
  hangs the sentence on the date itself;
* the two figures of one dimension ("40 × 60 cm", "2 by 3 metres", "40 centimètres sur
  60") are sides of one thing, not two readings of one measure;
* a price with fees, taxes or premium and the price without them are two bases;
* an amount paid by each of several payers ("2 millions chacun") is a share of a total;
* the thing a length measures ("a 5-metre crack", "the 90-metre tanker") says which
  length it is;
* a figure that both articles give makes the other pair of that measure unsure: one
  article's other figure is perhaps another fact (a suggestion, not a warning).
"""

from __future__ import annotations

import datetime

from helpers.numeric import findings, warnings


def _msgs(a: str, b: str) -> list[str]:
    return [f.message for f in findings(a, b, embedder="auto")]


# ------------------------------------------------------------------ negated "one"
def test_no_one_is_not_one():
    a = "A gas explosion tore through a bakery in Leith on Friday. No one was injured, the fire service said."
    b = "Three people were injured when a gas explosion tore through a bakery in Leith on Friday."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_one_person_is_still_one():
    a = "One person was injured when a gas explosion tore through a bakery in Leith on Friday."
    b = "Three people were injured when a gas explosion tore through a bakery in Leith on Friday."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


# ------------------------------------------------------------------ fronted time adverbial
def test_a_fronted_year_dates_a_far_figure():
    a = (
        "La catastrophe rappelle un drame ancien. En 2009, lors d'un orage d'une rare violence sur la "
        "vallée voisine, la crue de la rivière avait fait 23 morts."
    )
    b = "La crue de la rivière a fait quatre morts dans la vallée, selon la préfecture."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_fronted_month_and_year_dates_a_far_figure():
    a = (
        "Such disasters are not new to the region. In May 2014, after a week of torrential rain across "
        "the whole of the upper valley, the river flood left 31 people dead."
    )
    b = "The river flood left five people dead in the valley, the regional governor said on Sunday."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


# ------------------------------------------------------------------ tense and missing years
def test_a_past_month_with_no_year_is_the_last_one():
    from plugins.numeric.dates import find_dates

    text = "Publié le 12 octobre 2026. La statue avait été retrouvée en décembre dans un grenier."
    months = [d for d in find_dates(text, "fr", anchor=datetime.date(2026, 10, 12)) if "décembre" in d.text]
    assert months and months[0].low.year == 2025, months


def test_a_future_month_with_no_year_is_the_next_one():
    from plugins.numeric.dates import find_dates

    text = "Published on 12 October 2026. The statue will be shown in June at the city museum."
    months = [d for d in find_dates(text, "en", anchor=datetime.date(2026, 10, 12)) if "June" in d.text]
    assert months and months[0].low.year == 2027, months


def test_a_discovery_month_and_a_sale_day_are_two_events():
    a = (
        "Publié le mardi 13 octobre 2026\n\n"
        "La statue, sculptée vers 1890, avait été retrouvée en décembre dans un grenier près de Vitré, "
        "lors d'un déménagement."
    )
    b = (
        "Par Louise Garnier, le 14 octobre 2026\n\n"
        "Samedi, à Vitré, la statue en marbre de la famille Roussel a été adjugée 420 000 euros, "
        "face à une dizaine d'enchérisseurs."
    )
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


# ------------------------------------------------------------------ dimensions
def test_the_sides_of_one_dimension_are_not_one_measure():
    a = "Le retable, qui mesure 40 centimètres sur 60, sera exposé au musée dès lundi."
    b = "Le retable de 40 × 60 cm sera exposé au musée dès lundi."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_the_sides_of_one_dimension_in_english():
    a = "The panel, 2 by 3 metres, will go on show at the museum on Monday."
    b = "The 3 x 2 m panel will go on show at the museum on Monday."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_single_length_still_conflicts():
    a = "Le retable, haut de 40 centimètres, sera exposé au musée dès lundi."
    b = "Le retable, haut de 90 centimètres, sera exposé au musée dès lundi."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


# ------------------------------------------------------------------ price bases
def test_a_price_with_fees_and_the_hammer_price_are_two_bases():
    a = "La statue a été adjugée 420 000 euros samedi à Vitré, un record pour le sculpteur."
    b = "La statue a été vendue samedi à Vitré pour 530 000 euros frais compris, un record pour le sculpteur."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_price_before_and_after_tax_are_two_bases():
    a = "The city will pay £2.4m for the new footbridge, the council said on Tuesday."
    b = "The new footbridge will cost the city £2.9m including VAT, the council said on Tuesday."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_two_prices_on_one_basis_still_conflict():
    a = "La statue a été adjugée 420 000 euros samedi à Vitré, un record pour le sculpteur."
    b = "La statue a été adjugée 240 000 euros samedi à Vitré, un record pour le sculpteur."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


# ------------------------------------------------------------------ each payer's share
def test_each_payers_share_is_not_the_total():
    a = "Les travaux de la digue coûtent 4 millions de francs, a indiqué la commune."
    b = "Le canton et la commune financent les travaux de la digue à raison de 2 millions de francs chacun."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_each_in_english_is_a_share_too():
    a = "The repairs to the sea wall will cost $6 million, the town said."
    b = "The state and the town will pay $3 million each for the repairs to the sea wall."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


# ------------------------------------------------------------------ what a length measures
def test_a_crack_and_a_ship_are_two_lengths():
    a = "Divers found a 5-metre crack in the hull of the tanker, the coastguard said on Sunday."
    b = "The 90-metre tanker ran aground off the headland on Saturday night, the coastguard said."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_one_crack_measured_twice_still_conflicts():
    a = "Divers found a 5-metre crack in the hull of the tanker, the coastguard said on Sunday."
    b = "Divers found an 8-metre crack in the hull of the tanker, the coastguard said on Sunday."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


# ------------------------------------------------------------------ a figure both articles give
def test_a_figure_both_articles_give_lowers_the_other_pair_to_a_suggestion():
    # the other article states 48,000 too (the homes cut off): which fact the 48,000 of the
    # second article is, a reader cannot tell; unsure is a suggestion, never a warning
    a = (
        "The storm cut power to 48,000 homes across the county on Tuesday, the utility said. "
        "Crews had restored power to 12,000 homes by the evening."
    )
    b = "Crews had restored power to 48,000 homes by the evening, the utility said."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)
    assert findings(a, b, embedder="auto"), "the pair is still shown, as a suggestion"


def test_a_misreported_figure_still_warns():
    a = "The storm cut power to 48,000 homes across the county on Tuesday, the utility said."
    b = "The storm cut power to 84,000 homes across the county on Tuesday, the utility said."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


# ------------------------------------------------------------------ names with a number
def test_a_number_inside_a_name_is_no_count():
    from plugins.numeric.parse import parse_quantities

    assert parse_quantities("Le Hall 7 restera fermé jusqu'au 3 mars, selon la direction.", "fr")[0].qtype == "date"
    assert parse_quantities("The Hall 7 will stay closed, the organisers said.", "en") == []
    assert [
        q.text for q in parse_quantities("Le reportage diffusé sur Canal 9 a été vu par 40 000 personnes.", "fr")
    ] == ["40 000"]


def test_a_day_after_its_month_is_still_a_day():
    from plugins.numeric.parse import parse_quantities

    got = parse_quantities("The service will resume from Friday December 11, the operator said.", "en")
    assert [q.qtype for q in got] == ["date"]

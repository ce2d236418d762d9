"""What a figure counts over, and of what (issue 12, seventh session).

Written from the kinds of false alarm of the development false-alarm corpus consistent-8
(written blind, like the blind consistent-7), in new words, before the code:

* a count over a stated span ("en trois jours", "over the four days") is not the count of
  another span, nor the untimed total;
* figures of two named days ("samedi" / "dimanche") are perhaps two days' figures;
* a price per unit ("40 euros la soirée", "$30 a night") is no price of the whole;
* "another 5 inches" is an increment, not the level;
* "last season" or "l'an dernier" moves a weekday's date to the year before;
* "for the season" is a cumulative count;
* "When you have 3,000 people ..." is a figure of speech, not a count;
* a count equal to the sum of the other sentence's two counts is their total;
* a goal ("the goal was to treat 3,000 patients") is a target, not today's figure, whatever
  its year ("The site will create 3,000 jobs by 2027" is the plan itself, not a target of it).
"""

from __future__ import annotations

import datetime

from helpers.numeric import findings, warnings


def _msgs(a: str, b: str) -> list[str]:
    return [f.message for f in findings(a, b, embedder="auto")]


def test_a_count_over_three_days_is_not_the_four_day_total():
    a = "Le salon du livre de Brive a accueilli 96 000 visiteurs, un record, selon les organisateurs."
    b = "Le salon du livre de Brive a accueilli 71 000 visiteurs en trois jours, selon les organisateurs."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_two_stated_spans_are_two_counts():
    a = "The book fair drew 71,000 visitors over its first three days, the organisers said."
    b = "The book fair drew 96,000 visitors over the four days, the organisers said."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_one_span_stated_twice_still_conflicts():
    a = "The book fair drew 71,000 visitors over its four days, the organisers said."
    b = "The book fair drew 96,000 visitors over its four days, the organisers said."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


def test_two_named_days_are_perhaps_two_days_figures():
    a = "Publié le lundi 14 septembre 2026. Samedi, 31 000 visiteurs se sont pressés dans les allées du salon."
    b = "Publié le lundi 14 septembre 2026. Dimanche, 24 000 visiteurs se sont pressés dans les allées du salon."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_price_per_evening_is_not_a_ticket_price():
    a = "Le pass de trois jours coûtait 120 euros et le billet pour une soirée du festival 55 euros."
    b = "Avec le pass de trois jours à 120 euros, le festival revient à 40 euros la soirée."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_another_five_inches_is_an_increment():
    a = "The storm left 30 inches of snow on the upper slopes by Friday, the resort said."
    b = "After Friday's storm, another 5 inches of snow fell on the upper slopes on Sunday, the resort said."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_last_season_moves_a_weekday_date_a_year_back():
    # 28 November 2025 was a Friday; 28 November 2026 is a Saturday
    text = "Published on 2 December 2026.\n\nLast season, the resort opened on Friday, Nov 28, after a dry autumn."
    got = findings(text, "The resort opened on Saturday this year.", embedder="auto")
    assert not [f for f in got if f.rule_id.endswith("weekday") or "weekday" in f.message.lower()], [
        f.message for f in got
    ]


def test_for_the_season_is_cumulative():
    a = "Volunteers at the ridge counted 21,400 hawks on Tuesday, a one-day record."
    b = "Volunteers at the ridge have counted 48,000 hawks for the season, a record."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_figure_of_speech_is_no_count():
    a = '"When you have 3,000 hawks overhead, you count them in blocks of ten," the counter said.'
    b = "The counter said 9,400 hawks passed overhead in the busiest hour."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_count_equal_to_the_sum_of_the_other_sentence_is_its_total():
    a = "La nouvelle maternité compte 60 lits, dont 12 en néonatologie."
    b = "La nouvelle maternité dispose de 48 lits d'hospitalisation et de 12 berceaux de néonatologie."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_goal_is_not_todays_figure():
    a = "The clinic treats about 1,900 patients a year, its director said."
    b = "The director said the goal was to treat 3,000 patients a year by 2030."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_an_untimed_count_still_conflicts_with_another():
    a = "The clinic treats about 1,900 patients a year, its director said."
    b = "The clinic treats about 3,900 patients a year, its director said."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


def test_the_date_reader_uses_last_season():
    from plugins.numeric.dates import find_dates

    text = "Last season, the resort opened on Friday, Nov 28, after a dry autumn."
    (d,) = [d for d in find_dates(text, "en", anchor=datetime.date(2026, 12, 2)) if "28" in d.text]
    assert d.low == datetime.date(2025, 11, 28) and not d.weekday_conflict, d


def test_a_place_that_opens_the_sentence_scopes_its_counts():
    a = "En Suisse, quelque 48 000 nouveaux cas de diabète sont diagnostiqués chaque année, selon l'office fédéral."
    b = "Le canton de Vaud enregistre près de 4 100 nouveaux cas de diabète chaque année, selon l'office fédéral."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_a_month_that_opens_the_sentence_is_no_place():
    from plugins.numeric.parse import parse_quantities
    from plugins.numeric.scope import scope_tags

    text = "In March, 48,000 new cases were diagnosed, the federal office said."
    (q,) = [q for q in parse_quantities(text, "en") if q.qtype == "count"]
    assert "place" not in scope_tags(text, q, "en")


def test_a_plan_by_a_year_still_conflicts_with_the_plan_told_without_it():
    a = "The plant will create 3,000 jobs by 2029, the company said on Thursday."
    b = "The plant will create between 1,000 and 1,200 jobs, the company said on Thursday."
    assert len(warnings(a, b, embedder="auto")) == 1, _msgs(a, b)


def test_a_part_told_with_its_total_after_it_is_a_part():
    a = "Le domaine skiable couvre au total environ 1 400 hectares."
    b = "Au total, 350 hectares ont été damés sur les quelque 1 400 du domaine skiable."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_over_the_last_months_is_no_total():
    from plugins.numeric.parse import parse_quantities
    from plugins.numeric.scope import scope_tags

    text = "L'usine a supprimé 1 200 emplois sur les 12 derniers mois."
    (q,) = [q for q in parse_quantities(text, "fr") if q.text == "1 200"]
    assert "part" not in scope_tags(text, q, "fr")

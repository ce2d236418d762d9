"""Consistent figures written in forms that used to raise warnings (issue 12, written from
the kinds of false alarm a blind consistent corpus showed, in new words, before the code):

* a pace or a clock time ("4:55 per mile", "7:42") is no count of "per" or of anything:
  the digits after a colon belong to the time;
* "per", "plus", "than", "fois"... are no counted nouns ("5,000 plus a bonus");
* a dose taken several times a day is not a daily amount ("200 mg twice daily" / "400 mg a
  day"): figures of different frequencies are not compared value with value;
* an amount stated as parts in one article and as their total in another agrees ("a
  $25,000 purse plus a $5,000 bonus" / "$30,000 in all").
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities


@pytest.mark.parametrize(
    "text,lang",
    [
        ("She averaged 4:55 per mile over the course.", "en"),
        ("Son allure moyenne de 3:03 au kilomètre a tenu jusqu'au bout.", "fr"),
        ("The train left at 7:42 from platform two.", "en"),
    ],
)
def test_the_digits_of_a_pace_or_a_clock_time_are_no_figure(text, lang):
    assert [q.text for q in parse_quantities(text, lang) if q.qtype == "count"] == []


@pytest.mark.parametrize(
    "text,lang", [("He earned 5,000 plus expenses.", "en"), ("Il a gagné 3 fois plus que prévu.", "fr")]
)
def test_function_words_are_no_counted_noun(text, lang):
    assert [q.noun for q in parse_quantities(text, lang) if q.qtype == "count"] == []


def test_paces_of_two_runners_are_not_compared():
    a = "The winner averaged about 4:55 per mile over the hilly course."
    b = "Her average pace of roughly 3:03 per kilometre held steady until the final climb."
    assert warnings(a, b) == []


@pytest.mark.parametrize(
    "a,b",
    [
        ("Patients will take 150 mg of the drug twice daily.", "The approved dose of the drug is 300 mg a day."),
        ("Les patients prendront 150 mg deux fois par jour.", "La dose autorisée est de 300 mg par jour."),
        ("The drug comes as a 150 mg capsule taken twice a day.", "The approved dose of the drug is 300 mg a day."),
    ],
)
def test_a_dose_taken_twice_a_day_is_no_daily_amount(a, b):
    assert findings(a, b) == []


def test_two_doses_of_one_frequency_still_conflict():
    a = "Patients will take 150 mg of the drug twice daily."
    b = "Patients will take 250 mg of the drug twice daily."
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_parts_and_their_total_agree():
    a = "The champion takes home a $25,000 purse plus a $5,000 course-record bonus."
    b = "The champion takes home $30,000 in prize money, including the course-record bonus."
    assert findings(a, b) == []


def test_a_total_that_is_not_the_sum_still_conflicts():
    a = "The champion takes home a $25,000 purse plus a $5,000 course-record bonus."
    b = "The champion takes home $40,000 in prize money, including the course-record bonus."
    assert findings(a, b), "an amount that is neither a part nor the total is still compared"

"""Days, targets and prices read as a reader reads them (issue 12, eighth session).

Written from the kinds of false alarm of the development false-alarm corpus consistent-9
(written blind, like the blind consistent-7), in new words, before the code:

* a schedule of weekdays ("ouvert du mardi au dimanche", "open Tuesday through Sunday") names
  no day;
* the same weekday written alone in two articles ("mardi" / "mardi") is one word in both: two
  readings of it from two publication dates are no disagreement;
* a target of one place is not compared with another place's figure of today (a differing
  scope decides before a target's uncertainty);
* "pay" alone buys no company ("would pay $1,509 in taxes" is no deal price).
"""

from __future__ import annotations

import datetime

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.dates import find_dates
from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags, scope_verdict

ANCHOR = datetime.date(2026, 9, 21)


def _msgs(a: str, b: str) -> list[str]:
    return [f.message for f in findings(a, b, embedder="auto")]


def test_a_french_weekday_schedule_names_no_day():
    text = "Le musée est ouvert du mardi au dimanche de 10 heures à 18 heures."
    assert find_dates(text, "fr", anchor=ANCHOR) == []


def test_an_english_weekday_schedule_names_no_day():
    for text in ("The museum is open Tuesday through Sunday.", "Open Tuesdays to Sundays, 10am to 6pm."):
        assert find_dates(text, "en", anchor=ANCHOR) == [], text


def test_a_weekday_alone_and_a_night_are_still_days():
    assert [m.low for m in find_dates("Le musée a été inauguré mardi.", "fr", anchor=ANCHOR)]
    assert [m.low for m in find_dates("Les faits ont eu lieu dans la nuit de dimanche à lundi.", "fr", anchor=ANCHOR)]
    assert [m.low for m in find_dates("The museum reopened on Tuesday.", "en", anchor=ANCHOR)]


def test_one_weekday_word_in_two_articles_of_two_dates_is_no_conflict():
    a = "Le musée rouvre\nGenève, lundi 21 septembre 2026\nLe musée des Bastions rouvrira ses portes mardi, a annoncé la direction."
    b = "Le musée rouvre\nGenève, lundi 28 septembre 2026\nLe musée des Bastions rouvrira ses portes mardi, a annoncé la direction."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_one_weekday_word_in_english_is_no_conflict_either():
    a = "Museum to reopen\nGENEVA, September 21, 2026 -\nThe Bastions museum will reopen on Tuesday, its director said."
    b = "Museum to reopen\nGENEVA, September 28, 2026 -\nThe Bastions museum will reopen on Tuesday, its director said."
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


def test_two_weekdays_still_conflict():
    a = "Le musée rouvre\nGenève, lundi 21 septembre 2026\nLe musée des Bastions rouvrira ses portes mardi 22 septembre."
    b = "Le musée rouvre\nGenève, lundi 21 septembre 2026\nLe musée des Bastions rouvrira ses portes jeudi 24 septembre."
    assert warnings(a, b, embedder="auto"), _msgs(a, b)


def test_a_target_of_another_place_is_another_fact():
    assert scope_verdict({"mode": "target", "place": "lyon"}, {"place": "paris"}) == "differ"
    assert scope_verdict({"place": "paris"}, {"mode": "target", "place": "lyon"}) == "differ"
    assert scope_verdict({"mode": "target", "period": "cumulative"}, {"period": "day"}) == "differ"


def test_a_target_against_todays_figure_of_one_place_is_still_unsure():
    assert scope_verdict({"mode": "target", "place": "lyon"}, {"place": "lyon"}) == "unsure"
    assert scope_verdict({"mode": "target"}, {}) == "unsure"


def test_paying_taxes_is_no_deal_price():
    a = "The owner of a median home would pay about $1,509 in city property taxes next year."
    b = "The police department gets $312 million, enough to pay for 1,650 sworn officers."
    got = [f for f in findings(a, b) if f.rule_id == "en.numeric.deal-price"]
    assert got == [], [f.message for f in got]


def test_a_deal_price_paid_to_buy_still_conflicts():
    a = "Brightline paid $2.1 billion to buy DataForge, the companies said."
    b = "DataForge was bought by Brightline for $1.2 billion, the companies said."
    assert [f for f in warnings(a, b) if f.rule_id == "en.numeric.deal-price"]


def test_a_dateline_holds_no_figure():
    a = "Le musée rouvre\nGenève, lundi 21 septembre 2026\nLe musée des Bastions a rouvert ses portes."
    b = "Le musée rouvre\nGenève, lundi 28 septembre 2026\nLe musée des Bastions a rouvert ses portes."
    assert findings(a, b) == [], _msgs(a, b)
    a = "Museum reopens\nGENEVA, September 21, 2026 -\nThe Bastions museum reopened its doors."
    b = "Museum reopens\nGENEVA, September 28, 2026 -\nThe Bastions museum reopened its doors."
    assert findings(a, b) == [], _msgs(a, b)


# pairs of articles of the sections below: what stays silent, what still conflicts

_SEASON_A = (
    "Resort opens\nDENVER, November 20, 2026 -\n"
    "Granite Peak opened on Nov. 27 last season and closed on April 19, the resort said."
)
_HIRES = "Accord au port\nLe syndicat réclamait quarante recrutements par an, a rappelé son secrétaire."

_SILENT = [
    # a day whose year the anchor guessed ("Nov. 27 last season"): compared by day and month;
    # the weekday picks 2025 for one article, the publication date 2026 for the other
    pytest.param(
        _SEASON_A,
        "Resort opens\nDENVER, November 20, 2026 -\nLast season, Granite Peak opened on Thursday, Nov. 27, and closed on April 19.",
        id="one-day-two-guessed-years-en",
    ),
    pytest.param(
        "Station\nGrenoble, 20 novembre 2026\nLa saison dernière, la station avait ouvert le 27 novembre et fermé le 19 avril.",
        "Station\nGrenoble, 20 novembre 2026\nLa saison dernière, la station avait ouvert le jeudi 27 novembre et fermé le 19 avril.",
        id="one-day-two-guessed-years-fr",
    ),
    # a count per year is no total over years
    pytest.param(
        _HIRES,
        "Accord au port\nL'accord prévoit 120 recrutements sur quatre ans, selon la direction.",
        id="yearly-count-vs-total-over-years-fr",
    ),
    pytest.param(
        "Port deal\nThe union had demanded 40 new hires a year, its secretary said.",
        "Port deal\nThe agreement provides for 120 new hires over four years, management said.",
        id="yearly-count-vs-total-over-years-en",
    ),
    # a figure at the peak of an event is a maximum, not the count of another moment
    pytest.param(
        "Crue de la Loire\nAu plus fort de la crue, 3 200 foyers étaient privés d'électricité, selon Enedis.",
        "Crue de la Loire\nSelon Enedis, 900 foyers étaient encore privés d'électricité lundi soir.",
        id="peak-vs-later-count-fr",
    ),
]

_CONFLICTS = [
    pytest.param(
        _SEASON_A,
        "Resort opens\nDENVER, November 20, 2026 -\nGranite Peak opened on Dec. 4 last season and closed on April 19, the resort said.",
        id="two-days-guessed-years",
    ),
    pytest.param(
        "Resort opens\nGranite Peak first opened on Nov. 27, 2019, the resort said.",
        "Resort opens\nGranite Peak first opened on Nov. 27, 2018, the resort said.",
        id="two-stated-years-of-one-day",
    ),
    pytest.param(
        _HIRES,
        "Accord au port\nLe syndicat réclamait soixante recrutements par an, a rappelé son secrétaire.",
        id="two-yearly-counts",
    ),
    pytest.param(
        "Port deal\nThe agreement provides for 120 new hires over four years, management said.",
        "Port deal\nThe agreement provides for 200 new hires over four years, management said.",
        id="two-totals-over-the-same-years",
    ),
    pytest.param(
        "Flood\nAt the height of the flood, 3,200 homes were without power, the utility said.",
        "Flood\nAt the height of the flood, 5,400 homes were without power, the utility said.",
        id="two-peaks",
    ),
]


@pytest.mark.parametrize("a, b", _SILENT)
def test_stays_silent(a, b):
    assert warnings(a, b, embedder="auto") == [], _msgs(a, b)


@pytest.mark.parametrize("a, b", _CONFLICTS)
def test_still_conflicts(a, b):
    assert warnings(a, b, embedder="auto"), _msgs(a, b)


def test_a_guessed_year_is_marked_and_a_stated_one_is_not():
    from plugins.numeric.eventdates import document_dates

    dates = document_dates("Resort\nDENVER, November 20, 2026 -\nIt opened on Nov. 27 and on Dec. 4, 2025.", "en")
    assert [(q.text, q.extra["year_inferred"]) for q in dates if not q.extra.get("dateline")] == [
        ("Nov. 27", True),
        ("Dec. 4, 2025", False),
    ]


def _count_tags(text: str, lang: str) -> list[dict]:
    """The scope tags of each count of ``text``."""
    return [scope_tags(text, q, lang) for q in parse_quantities(text, lang) if q.qtype == "count"]


def test_a_yearly_count_and_a_count_over_years_are_tagged_apart():
    assert _count_tags("Le syndicat réclamait quarante recrutements par an.", "fr") == [{"period": "yearly"}]
    assert _count_tags("La direction promet 120 recrutements sur quatre ans.", "fr") == [{"over": "4 year"}]
    assert _count_tags("The union wanted 40 new hires a year.", "en") == [{"period": "yearly"}]
    assert _count_tags("Management promises 120 hires over four years.", "en") == [{"over": "4 year"}]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Au plus fort de la crue, 3 200 foyers étaient privés d'électricité.", "fr"),
        ("Quelque 3 200 foyers étaient privés d'électricité au pic de la crue.", "fr"),
        ("At the height of the flood, 3,200 homes were without power.", "en"),
        ("Outages peaked at 3,200 homes on Sunday.", "en"),
    ],
)
def test_a_count_at_the_peak_is_tagged_in_both_languages(text, lang):
    assert [t.get("period") for t in _count_tags(text, lang)] == ["peak"], text

"""Figures the reader sees that the reader of the code missed (issue 12), written for the
development story ``en-hospital-strike`` before the code:

* a count after "of its" / "de ses" counts the noun that follows ("2,380 of its members");
* hyphenated hours are durations ("a 48-hour strike");
* a number word from two to nine before a plural noun counts it ("three hospitals"), but
  such counts are everywhere in prose, so a warning asks for one noun and a close context
  or shared names ("two sources" / "three sources" is no warning);
* a figure a dedicated slot claims still meets the figures of the articles where no slot
  claims one (the slot is a hint, not a wall), and two slotted figures meet only by slot;
* the source of a report ("documents seen by the Guardian") is not whom the figure is about;
* a dateline "Outlet, 1 December 2026" is the publication date that anchors "on Tuesday";
* "112 of our people" is a part of some group: like a small count, its warning asks more;
* a bound beside a figure ("jusqu'à 620 mm") stands for its own value, not every value under it.
"""

from __future__ import annotations

import datetime

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.dates import publication_date
from plugins.numeric.parse import parse_quantities


def _compared(a: str, b: str, quotes: set[str]) -> None:
    """A finding sets the two quoted figures against each other."""
    got = findings(a, b)
    assert any({e.quote for e in f.evidence} == quotes for f in got), [f.message for f in got]


def _only(text: str, lang: str = "en"):
    got = parse_quantities(text, lang)
    assert len(got) == 1, [(q.text, q.qtype) for q in got]
    return got[0]


@pytest.mark.parametrize(
    "text,lang,value,noun",
    [
        ("The union said 2,380 of its members walked out.", "en", 2380, "members"),
        ("He won 2,000 of the votes cast.", "en", 2000, "votes"),
        ("Le syndicat revendique 1 100 de ses adhérents en grève.", "fr", 1100, "adhérents"),
    ],
)
def test_a_count_of_its_members(text, lang, value, noun):
    q = _only(text, lang)
    assert (q.qtype, q.nominal, q.noun) == ("count", value, noun)


@pytest.mark.parametrize("text,days", [("The 48-hour strike began.", 2.0), ("They staged a 24-hour strike.", 1.0)])
def test_hyphenated_hours_are_durations(text, days):
    q = _only(text)
    assert (q.qtype, q.nominal) == ("duration", days)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The strike affects three hospitals.", "en"),
        ("La grève touche cinq hôpitaux.", "fr"),
        ("deux géants technologiques", "fr"),  # a count, marked: its pairing asks more
    ],
)
def test_a_small_number_word_counts_a_plural_noun(text, lang):
    q = _only(text, lang)
    assert q.qtype == "count" and q.extra.get("small_count")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("the two men met on Monday", "en"),
        ("les deux géants du numérique", "fr"),
        ("a two percent", "en"),
        ("three Republicans voted against", "en"),
        ("four of them", "en"),
    ],
)
def test_small_words_that_count_nothing(text, lang):
    assert [q for q in parse_quantities(text, lang) if q.qtype == "count"] == []


def test_small_counts_in_the_same_context_conflict():
    a = "The 48-hour strike by NASU affects three hospitals run by the Irwell Valley trust."
    b = "The strike by NASU affects five hospitals run by the Irwell Valley trust."
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_small_counts_of_unrelated_sentences_are_no_warning():
    a = "Two sources said the offer would be withdrawn."
    b = "Three sources familiar with the talks described a tense meeting."
    assert warnings(a, b) == []


def test_a_slotted_figure_meets_a_generic_one():
    # "paying" puts the first figure in the deal-price slot; the second has no slot
    a = "The trust is paying £12m a day for agency nurses during the strike."
    b = "Agency nurses during the strike cost the trust £1.2m a day."
    _compared(a, b, {"£12m", "£1.2m"})


def test_two_slotted_figures_meet_once_by_their_slot():
    a = "Brightline agreed to acquire DataForge for $2.1 billion."
    b = "DataForge was bought by Brightline for $1.2 billion."
    assert [f.rule_id for f in findings(a, b)] == ["en.numeric.deal-price"]


def test_the_source_of_a_figure_is_not_whom_it_is_about():
    a = "Agency cover is supplied by MedStaff Direct at a cost of £1.2m a day."
    b = "According to documents seen by the Guardian, the trust pays £12m a day for agency cover."
    _compared(a, b, {"£12m", "£1.2m"})


@pytest.mark.parametrize(
    "text,lang,day",
    [
        (
            "Title\n\nBy Ellie Marsh\nManchester Evening News, 1 December 2026\n\nBody.",
            "en",
            datetime.date(2026, 12, 1),
        ),
        ("Titre\n\nPar Julien C.\nLa Tribune, le 26 novembre 2026\n\nCorps.", "fr", datetime.date(2026, 11, 26)),
    ],
)
def test_an_outlet_dateline_is_the_publication_date(text, lang, day):
    assert publication_date(text, lang) == day


def test_a_headline_ending_in_a_date_is_no_dateline():
    assert publication_date("Union says strike ends, 1 December 2026 at the latest, say leaders\n\nBody.", "en") is None


def test_the_dateline_anchors_a_weekday():
    a = "Strike\n\nBBC North West\n30 November 2026\n\nNurses at the Irwell trust walked out on Monday, the union said."
    b = "Strike\n\nBy Ellie Marsh\nManchester Evening News, 1 December 2026\n\nThe strike at the Irwell trust began on Tuesday morning, the union said."
    _compared(a, b, {"Monday", "Tuesday"})


def test_a_part_of_a_group_is_no_unique_measure():
    # "112 of our people" counts part of some group: no warning against another count of people
    a = "'We have lost 112 of our people, and the number may still rise,' the governor told reporters."
    b = "Nearly 35,000 residents have been moved to temporary shelters."
    assert warnings(a, b) == []


def test_a_bound_beside_the_figure_is_not_the_figure():
    # "jusqu'à 620 mm" is another figure of the sentence: it does not stand for every value under 620
    a = "Il est tombé 480 millimètres de pluie en vingt-quatre heures à Anduze."
    b = "À Anduze, 408 mm sont tombés en vingt-quatre heures, et le cumul atteint jusqu'à 620 mm depuis jeudi."
    assert warnings(a, b, embedder="auto"), [f.message for f in findings(a, b, embedder="auto")]


# --- a weekday in an article that gives no date: its weekday is known, its day is not


def test_an_undated_weekday_conflicts_with_another_weekday():
    a = "Budget\n\nBy Megan Cho\n\nThe Seattle City Council on Tuesday approved an $8.9 billion budget."
    b = "Budget\n\nSEATTLE — November 25, 2026\n\nThe Seattle City Council approved the budget Monday night."
    got = warnings(a, b)
    assert [{e.quote for e in f.evidence} for f in got] == [{"Tuesday", "Monday"}], [f.message for f in got]
    assert "Tuesday" in got[0].message and "November 23, 2026" in got[0].message


def test_an_undated_weekday_against_a_date_of_another_weekday():
    a = "Court\n\nThe Lyon commercial court placed the airline into liquidation on Wednesday."
    b = "Court\n\nThe Lyon commercial court placed the airline into liquidation on Tuesday 24 November 2026."
    assert warnings(a, b), [f.message for f in findings(a, b)]


@pytest.mark.parametrize(
    "b",
    [
        "Court\n\nThe Lyon commercial court placed the airline into liquidation on Tuesday 24 November 2026.",
        "Court\n\nThe Lyon commercial court placed the airline into liquidation on 24 November.",  # no year: no weekday
    ],
)
def test_an_undated_weekday_that_may_be_the_date(b):
    a = "Court\n\nThe Lyon commercial court placed the airline into liquidation on Tuesday."
    assert findings(a, b) == []


def test_a_dateline_with_its_country_is_no_event_date():
    from plugins.numeric.eventdates import document_dates

    text = "Title\n\nLYON, France, Nov 25 (Reuters) - A court placed Alpavia into liquidation on Wednesday.\n"
    dates = document_dates(text, "en")
    assert [(q.text, q.extra["granularity"]) for q in dates if not q.extra.get("dateline")] == [
        ("Wednesday", "weekday")
    ]
    assert [q.text for q in dates if q.extra.get("dateline")] == ["Nov 25"]  # marked, so parse drops it


def test_an_undated_weekday_reads_in_each_language():
    from checker.i18n.format import quantity as localized
    from plugins.numeric.eventdates import document_dates

    (q,) = document_dates("Title\n\nThe court ruled on Wednesday.", "en")
    assert (localized(q, "en"), localized(q, "fr")) == ("Wednesday", "mercredi")


# --- what a count of people counts


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Selon la préfecture, 23 personnes ont été légèrement blessées par des chutes d'objets.", "fr"),
        ("Officials said 23 people were slightly hurt by falling debris.", "en"),
    ],
)
def test_an_adverb_does_not_hide_what_befell_them(text, lang):
    (q,) = [q for q in parse_quantities(text, lang) if q.qtype == "count"]
    assert q.noun == "injured"


@pytest.mark.parametrize(
    "text,lang",
    [("Près de 1 500 habitants ont dû être évacués.", "fr"), ("About 300 residents had to be evacuated.", "en")],
)
def test_a_modal_does_not_hide_what_befell_them(text, lang):
    (q,) = [q for q in parse_quantities(text, lang) if q.qtype == "count"]
    assert q.noun == "displaced"


def test_the_evacuated_are_compared_with_the_evacuated():
    a = "Près de 1 500 habitants ont dû être évacués, selon la préfecture."
    b = "Plus de 1 400 personnes ont été évacuées. Quelque 87 personnes ont été hélitreuillées."
    assert warnings(a, b, embedder="auto") == []


def test_plain_counts_of_people_stated_once_are_no_one_measure():
    # neither sentence says what befell its people: stated once each, they are still two figures
    a = "Dans le village, 23 personnes attendaient encore des nouvelles en fin de journée."
    b = "Au gymnase municipal, 60 habitants ont trouvé refuge chez des proches ou des voisins."
    assert warnings(a, b) == []


def test_an_undated_weekday_among_several_dates_is_a_suggestion():
    # the undated sentence holds two dates: which one is the cancellations' day is a guess
    a = "Strike\n\nPARIS — The airline cancelled 450 flights on Wednesday, a day before talks resumed on Thursday 12 June."
    b = "Strike\n\nPublished 11 June 2025\n\nThe airline cancelled 620 flights on Thursday, the union said."
    got = [f for f in findings(a, b) if "Wednesday" in {e.quote for e in f.evidence}]
    assert [f.level for f in got] == ["suggestion"], [(f.level, f.message) for f in got]

"""What a figure counts when words stand between it and its noun (issue 12, eleventh session).

From development misses ("Three RNLI lifeboats", "four of its main IT systems", "three earlier
proposals", "212,000 Ridge and Crest sport utility vehicles", "ten Earth days"), in new words:
the counted noun is the plural noun behind a few pre-modifiers (adjectives, capitalised
qualifiers, nouns used as modifiers), in English and in French ("trois anciens ministres");
a verb or a function word ends the search, so "three were injured" counts nothing new.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities


def _count(text: str, lang: str, figure: str):
    got = [q for q in parse_quantities(text, lang) if q.text.lower().startswith(figure.lower())]
    return got[0] if got else None


@pytest.mark.parametrize(
    "text, lang, figure, noun",
    [
        ("Three RSPCA inspectors visited the farm on Monday.", "en", "Three", "inspectors"),
        ("Hackers locked five of its main HR servers overnight.", "en", "five", "servers"),
        ("The offer follows two earlier bids that the board rejected.", "en", "two", "bids"),
        ("The maker is recalling 48,000 Vista and Rover compact utility trucks.", "en", "48,000", "trucks"),
        ("Six additional fire engines were sent from Leeds.", "en", "Six", "engines"),
        ("Trois anciens ministres ont signé la tribune.", "fr", "Trois", "ministres"),
        ("La ville a ouvert deux nouveaux gymnases cet hiver.", "fr", "deux", "gymnases"),
    ],
)
def test_the_plural_noun_behind_pre_modifiers_is_counted(text, lang, figure, noun):
    q = _count(text, lang, figure)
    assert q is not None and q.qtype == "count", parse_quantities(text, lang)
    assert noun in (q.noun, q.extra.get("noun_text")), (q.noun, q.extra)


@pytest.mark.parametrize(
    "text, lang, figure, days",
    [
        ("The rover is expected to work for twelve Earth days.", "en", "twelve", 12),
        ("The refund takes five working days.", "en", "five", 5),
    ],
)
def test_a_duration_behind_a_modifier_is_a_duration(text, lang, figure, days):
    q = _count(text, lang, figure)
    assert q is not None and q.qtype == "duration", parse_quantities(text, lang)
    assert q.low <= days <= q.high or abs(q.nominal - days) < 1e-6, (q.low, q.high, q.unit)


@pytest.mark.parametrize(
    "text, lang, figure",
    [
        ("Three were injured and taken to the hospital in Leeds.", "en", "Three"),
        ("By 2030 electric buses will replace the diesel fleet.", "en", "2030"),
        ("Two of the men were later released without charge.", "en", "Two"),
        ("Les deux sont arrivés ensemble à la mairie.", "fr", "deux"),
    ],
)
def test_a_verb_or_a_function_word_stops_the_search(text, lang, figure):
    q = _count(text, lang, figure)
    assert q is None or q.qtype != "count" or q.noun not in ("hospital", "buses", "released", "mairie"), q


def test_two_counts_behind_modifiers_conflict():
    a = "Storm Idris hit the coast on Monday. Three RNLI lifeboats were launched from the harbour."
    b = "Storm Idris hit the coast on Monday. Two RNLI lifeboats were launched, the coastguard said."
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_counts_of_two_nouns_behind_modifiers_stay_apart():
    a = "Storm Idris hit the coast on Monday. Three RNLI lifeboats were launched from the harbour."
    b = "Storm Idris hit the coast on Monday. Two RAF helicopters were sent, the coastguard said."
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "The wind farm will create about 1,100 jobs during construction, the developer said.",
            "The operations base will be at the port, with 140 permanent jobs for technicians.",
        ),
        (
            "The jury convicted him of 11 counts and cleared him of three further charges.",
            "The former officer had denied 14 charges before the trial.",
        ),
    ],
)
def test_a_modifier_that_says_which_kind_keeps_the_counts_below_warning(a, b):
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]


def test_a_count_over_the_opening_weekend_is_not_one_days_count():
    """Found through this change (a consistent story: a day's count against its weekend's total)."""
    a = "The resort opened on Friday. About 4,800 skiers and riders came on Friday, the resort said."
    b = "The resort opened on Friday. More than 15,000 skiers and snowboarders hit its slopes during its opening weekend."
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]

"""Two figures a third article gives side by side (issue 12, scope): when one article says
"about 58,000 passengers affected", another "about 41,000", and a third "99 000 voyageurs :
58 000 mardi et 41 000 mercredi", the third shows both figures true, each its own fact (two
days); the pair is a suggestion, never a warning.  The third article must give both numbers
themselves (a bound or a rounding agrees with too much).  Written from the development false
alarm of consistent-11 (bruxelles), before the code.
"""

from __future__ import annotations

import pytest
from helpers.numeric import checker

from plugins.numeric.parse import parse_quantities

A = (
    "Quelque 412 vols sur les 618 programmés mardi à Brussels Airport ont été annulés en raison de la grève "
    "de 48 heures du personnel de l'assistant en escale, a indiqué l'aéroport. Environ 58.000 passagers ont été touchés."
)
B = (
    "The airport raised the number of cancellations to 298 early on Wednesday morning as more airlines cut "
    "services. About 41,000 passengers are affected by the strike at Brussels Airport."
)
C = (
    "Le bilan de la grève de 48 heures à Brussels Airport est lourd. Quelque 99 000 voyageurs ont été "
    "concernés : 58 000 mardi et 41 000 mercredi."
)
C_OTHER = (
    "Le bilan de la grève de 48 heures à Brussels Airport est lourd. Quelque 99 000 voyageurs ont été "
    "concernés : 60 000 mardi et 39 000 mercredi."
)


def _warned_pairs(texts: dict[str, str]) -> list[set[str]]:
    r = checker("auto").check_texts(texts)
    return [{e.doc_id for e in f.evidence} for f in r.findings if f.kind == "numeric" and f.level == "warning"]


def test_a_third_article_giving_both_figures_lowers_the_pair():
    got = _warned_pairs({"a.txt": A, "b.txt": B, "c.txt": C})
    assert not any({"a.txt", "b.txt"} <= docs for docs in got), got


def test_without_the_third_article_the_pair_warns():
    got = _warned_pairs({"a.txt": A, "b.txt": B})
    assert any({"a.txt", "b.txt"} <= docs for docs in got), got


def test_a_third_article_giving_other_numbers_does_not_lower_the_pair():
    got = _warned_pairs({"a.txt": A, "b.txt": B, "c.txt": C_OTHER})
    assert any({"a.txt", "b.txt"} <= docs for docs in got), got


# ------------------------------------------------------------------ what the parts count


@pytest.mark.parametrize(
    "text,lang,nouns",
    [
        (
            "Quelque 99 000 voyageurs ont été concernés : 58 000 mardi et 41 000 mercredi.",
            "fr",
            ["voyageurs", "voyageurs", "voyageurs"],
        ),
        ("Au total, 300 policiers sont mobilisés : 200 à Paris, 100 à Lyon.", "fr", ["policiers"] * 3),
        ("Some 9,000 flights were cancelled: 5,000 on Monday and 4,000 on Tuesday.", "en", ["flights"] * 3),
    ],
)
def test_the_parts_after_a_colon_count_what_their_head_counts(text, lang, nouns):
    got = [q for q in parse_quantities(text, lang) if q.qtype == "count"]
    assert [q.noun for q in got] == nouns, [(q.text, q.noun) for q in got]


@pytest.mark.parametrize("text,lang", [("58 000 mardi, 41 000 mercredi.", "fr"), ("5,000 Monday night.", "en")])
def test_a_day_after_a_number_is_not_what_it_counts(text, lang):
    assert all(q.noun not in ("mardi", "mercredi", "monday") for q in parse_quantities(text, lang))


def test_two_dates_a_third_article_gives_still_conflict():
    a = "The Wayfarer-1 lander was launched from Cape Canaveral on November 17, the company said."
    b = "The Wayfarer-1 lander was launched from Cape Canaveral on November 27, the company said."
    c = "The company announced the mission on November 17 and the lander reached orbit on November 27."
    got = _warned_pairs({"a.txt": a, "b.txt": b, "c.txt": c})
    assert any({"a.txt", "b.txt"} <= docs for docs in got), got


def test_the_two_numbers_must_stand_side_by_side_in_the_third_article():
    c = (
        "Le bilan de la grève de 48 heures à Brussels Airport est lourd : 58 000 voyageurs ont été concernés "
        "mardi. La compagnie a remboursé 41 000 voyageurs au total depuis le début de l'année."
    )
    got = _warned_pairs({"a.txt": A, "b.txt": B, "c.txt": c})
    assert any({"a.txt", "b.txt"} <= docs for docs in got), got

"""One figure misreported (issue 12, fifth session): two statements of one measure that
differ by a shifted decimal ("1,5 million" / "150 000"), transposed digits ("18,412" /
"18,142", "14" / "41") or the unit of one written number ("40 secondes" / "40 minutes")
are the signature of a misreport, which unrelated figures rarely share.  The signature
makes a pair worth comparing when the words of the two sentences differ, and says why in
the finding; it decides nothing alone (same measure, owners and scopes still apply).
Written from the kinds of miss of the promoted development corpora, in new words, before
the code."""

from __future__ import annotations

import itertools

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.slips import slip


def _q(text: str, lang: str):
    got = parse_quantities(text, lang)
    assert len(got) == 1, [(q.text, q.qtype) for q in got]
    return got[0]


@pytest.mark.parametrize(
    "a,la,b,lb,kind",
    [
        ("un fonds de 1,5 million d'euros", "fr", "un fonds de 150 000 euros", "fr", "scale"),
        ("un chiffre d'affaires de 610 millions d'euros", "fr", "revenue of €6.1 billion", "en", "scale"),
        ("a $300,000 purse", "en", "a $3 million purse", "en", "scale"),
        ("18,412 runners finished", "en", "18,142 runners finished", "en", "digits"),
        ("14 travailleurs soignés", "fr", "41 workers treated", "en", "digits"),
        ("212,000 vehicles", "en", "221,000 vehicles", "en", "digits"),
        ("pendant 40 secondes", "fr", "pendant 40 minutes", "fr", "unit"),
        ("at 15 mph", "en", "at 15 km/h", "en", "unit"),
    ],
)
def test_the_signatures_of_one_misreported_figure(a, la, b, lb, kind):
    qa, qb = _q(a, la), _q(b, lb)
    assert slip(qa, qb) == kind
    assert slip(qb, qa) == kind


@pytest.mark.parametrize(
    "a,b",
    [
        ("1 482 personnes évacuées", "1 500 personnes évacuées"),
        ("23 blessés", "24 blessés"),
        ("12 blessés", "12 blessés"),
        ("plus de 20 blessés", "200 blessés"),
        ("5 blessés", "50 blessés"),
        ("1 500 euros", "15 millions d'euros"),
        ("entre 12 et 15 blessés", "21 blessés"),
        ("112 blessés", "211 blessés"),
        ("quarante secondes", "quarante-cinq minutes"),
        ("pendant cinq ans", "pendant près de cinquante ans"),
        ("pendant 5 ans", "pendant 50 ans"),
        ("pendant trois heures", "pendant trois ans"),
    ],
)
def test_figures_without_a_misreport_signature(a, b):
    qa, qb = _q(a, "fr"), _q(b, "fr")
    assert slip(qa, qb) is None


def test_the_signature_is_symmetric_and_order_free():
    texts = ["1,5 million d'euros", "150 000 euros", "15 000 euros", "51 000 euros", "1 500 euros", "2 euros"]
    qs = [_q(t, "fr") for t in texts]
    for x, y in itertools.permutations(qs, 2):
        assert slip(x, y) == slip(y, x)


def test_a_shifted_decimal_between_unlike_sentences_is_a_warning():
    a = "The council set aside $1.5 million for the emergency fund on Monday."
    b = "An emergency fund of $150,000 will help families who lost their homes, officials said."
    got = warnings(a, b)
    assert len(got) == 1
    assert "decimal" in got[0].message


def test_transposed_digits_between_unlike_sentences_are_a_warning():
    a = "Le bilan fait état de 14 travailleurs soignés sur place, selon l'usine."
    b = "D'après l'usine, 41 travailleurs ont dû recevoir des soins après la fuite."
    got = warnings(a, b)
    assert len(got) == 1
    assert "chiffres" in got[0].message


def test_a_signature_does_not_join_two_owners():
    a = "Rivet Ltd reported revenue of $1.5 million last year."
    b = "Its rival Castor Inc reported revenue of $150,000 last year."
    assert warnings(a, b) == []


def test_a_signature_does_not_join_unrelated_measures():
    a = "The club paid a transfer fee of £15 million for the striker."
    b = "Tickets for the final cost £150 at the gate."
    assert findings(a, b) == []


def test_one_date_given_two_weekdays_is_a_cross_article_conflict():
    a = "Le séisme a frappé la vallée le mardi 3 mars, selon la préfecture."
    b = "La vallée a été frappée le lundi 3 mars par le séisme, selon la préfecture."
    got = [f for f in warnings(a, b) if len(f.documents()) == 2]
    assert len(got) == 1, [f.message for f in findings(a, b)]
    assert "jour" in got[0].message


def test_one_date_with_one_weekday_is_no_conflict():
    a = "Le séisme a frappé la vallée le mardi 3 mars, selon la préfecture."
    b = "La vallée a été frappée le 3 mars par le séisme, selon la préfecture."
    assert [f for f in findings(a, b) if len(f.documents()) == 2] == []


# A day with no year (its article has no date line) against a dated day of another article:
# compared by day and month (a story's days are of one season).
def test_a_day_without_its_year_meets_a_dated_day():
    a = "GRENOBLE, 16 novembre 2026 - Le séisme a frappé la vallée le samedi 14 novembre, selon la préfecture."
    b = "Le séisme a frappé la vallée le dimanche 15 novembre, selon la préfecture."
    got = [f for f in findings(a, b) if len(f.documents()) == 2]
    assert len(got) == 1, [f.message for f in findings(a, b)]


def test_a_day_without_its_year_agrees_with_the_same_dated_day():
    a = "GRENOBLE, 16 novembre 2026 - Le séisme a frappé la vallée le samedi 14 novembre, selon la préfecture."
    b = "Le séisme a frappé la vallée le 14 novembre, selon la préfecture."
    assert [f for f in findings(a, b) if len(f.documents()) == 2] == []


def test_a_weekday_resolved_by_the_date_line_does_not_meet_a_day_without_its_year():
    a = "LYON, 25 novembre 2026 - Les systèmes restaient hors service mercredi matin, selon l'hôpital."
    b = "Les systèmes de l'hôpital ont été attaqués le dimanche 22 novembre, selon l'hôpital."
    assert [f for f in findings(a, b) if len(f.documents()) == 2] == []

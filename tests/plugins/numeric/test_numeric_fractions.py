"""Fractions in words are shares (issue 12, sixth session): "quatre cinquièmes du capital"
is 80 % of it, "two thirds of the vote" 66.7 %, "la moitié des salariés" 50 %.  A fraction is
exact to half a point (a writer who says "two thirds" for 67 % is right), so "quatre
cinquièmes" against "75 %" is a conflict and "deux tiers" against "67 %" is not.  Not
fractions: "trois quarts d'heure" (a span), "les quarts de finale" (a round), "un tiers de
confiance" (a party).  Written from the kinds of miss of the promoted development corpora,
in new words, before the code."""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Le groupe a acquis quatre cinquièmes du capital de la société.", "fr", 80.0),
        ("Les deux tiers des salariés ont voté la grève.", "fr", 200 / 3),
        ("La moitié des habitants a été évacuée.", "fr", 50.0),
        ("Un quart des écoles restent fermées.", "fr", 25.0),
        ("Trois dixièmes des parcelles sont inondées.", "fr", 30.0),
        ("She won two thirds of the vote.", "en", 200 / 3),
        ("A quarter of the schools remain closed.", "en", 25.0),
        ("Three-quarters of the staff signed the letter.", "en", 75.0),
        ("Half of the flights were cancelled.", "en", 50.0),
        ("The fund bought one fifth of the shares.", "en", 20.0),
        ("The cuts affect one in ten employees.", "en", 10.0),
        ("Un salarié sur dix sera licencié.", "fr", 10.0),
        ("Une école sur cinq reste fermée.", "fr", 20.0),
        ("3 in 4 voters backed the plan.", "en", 75.0),
    ],
)
def test_a_fraction_in_words_is_a_share(text, lang, value):
    shares = [q for q in parse_quantities(text, lang) if q.qtype == "share"]
    assert len(shares) == 1, [(q.text, q.qtype) for q in parse_quantities(text, lang)]
    assert shares[0].nominal == pytest.approx(value)
    assert shares[0].low <= value <= shares[0].high
    assert shares[0].high - shares[0].low <= 1.0


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le vol a duré trois quarts d'heure.", "fr"),
        ("L'équipe s'est qualifiée pour les quarts de finale.", "fr"),
        ("Le paiement passe par un tiers de confiance.", "fr"),
        ("The match went to a third set.", "en"),
        ("He finished third of the 40 runners.", "en"),
    ],
)
def test_no_fraction_share(text, lang):
    assert [q for q in parse_quantities(text, lang) if q.qtype == "share"] == []


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Il a signé un contrat sur cinq ans.", "fr"),
        ("Le club a gagné 3 matchs sur 10 cette saison.", "fr"),
        ("She came second in 2024.", "en"),
        ("One in 200 metres of track was replaced.", "en"),
    ],
)
def test_no_ratio_share(text, lang):
    shares = [q for q in parse_quantities(text, lang) if q.qtype == "share"]
    assert all(q.nominal != 20.0 for q in shares) and len(shares) <= 1
    assert [q for q in parse_quantities(text, lang) if q.qtype == "share"] == []


def test_an_approximate_ratio_widens_by_its_qualifier():
    (q,) = [q for q in parse_quantities("The cuts hit roughly one in ten employees.", "en") if q.qtype == "share"]
    assert q.text == "roughly one in ten"
    assert q.low < 10.0 < q.high and q.high < 18.0


def test_an_approximator_before_an_elided_ratio():
    (q,) = [q for q in parse_quantities("Près d'un patient sur trois a été hospitalisé.", "fr") if q.qtype == "share"]
    assert q.text.lower().startswith("près d")
    assert q.low < 33.0 and q.approx


def test_a_ratio_against_a_percentage():
    a = "Brindle will cut 18% of its workforce, the company said on Monday."
    b = "The company said on Monday that Brindle will cut roughly one in ten of its workers."
    assert len(warnings(a, b, embedder="auto")) == 1, [f.message for f in findings(a, b, embedder="auto")]


def test_a_fraction_against_a_percentage_of_the_same_stake():
    a = "Le fonds Arvel a acquis quatre cinquièmes du capital du club, a annoncé le club."
    b = "Le fonds Arvel a acquis 75 % du capital du club, a annoncé le club."
    assert len(warnings(a, b, embedder="auto")) == 1, [f.message for f in findings(a, b, embedder="auto")]


def test_a_fraction_agrees_with_its_rounded_percentage():
    a = "Le fonds Arvel a acquis les deux tiers du capital du club, a annoncé le club."
    b = "Le fonds Arvel a acquis 67 % du capital du club, a annoncé le club."
    assert findings(a, b, embedder="auto") == []

"""Scope traps (issue 12, item 4): what is counted, of what, over which period.  Each trap
must stay silent (or at most a suggestion) in both languages; unsure is never a warning."""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags, scope_verdict

TRAPS = [
    # part vs total
    (
        "12 000 policiers sont mobilisés en France, dont 2 000 policiers à Lyon.",
        "Le ministère a mobilisé 2 000 policiers.",
    ),
    (
        "Some 12,000 police officers were deployed, 2,000 of them in Lyon.",
        "The ministry deployed 2,000 police officers.",
    ),
    ("Le groupe Darcel compte 2 000 salariés, dont 600 salariés en Rhône-Alpes.", "Darcel emploie 600 salariés."),
    ("The blast injured 40 people, including 12 children, in Tarvis.", "The blast in Tarvis injured 12 children."),
    # a place vs another place
    ("2 000 policiers ont été mobilisés à Paris samedi.", "3 500 policiers ont été mobilisés à Lyon samedi."),
    ("2,000 officers were deployed in Paris on Saturday.", "3,500 officers were deployed in Lyon on Saturday."),
    # dead vs injured vs hospitalised vs evacuated
    ("Le séisme de Tarvis a fait 12 morts.", "Le séisme de Tarvis a fait 40 blessés."),
    ("The Tarvis quake killed 12 people.", "The Tarvis quake injured 40 people."),
    ("Au total, 40 personnes ont été blessées à Tarvis.", "À Tarvis, 9 blessés ont été hospitalisés."),
    ("The Tarvis quake forced 3,000 people to be evacuated.", "The Tarvis quake left 300 people injured."),
    # one day vs cumulative
    (
        "La grève a rassemblé 45 000 manifestants en une seule journée à Nantes.",
        "Depuis le début du mouvement, 180 000 manifestants ont défilé à Nantes.",
    ),
    (
        "Nantes protests drew 45,000 marchers in a single day.",
        "Since the start of the movement, 180,000 marchers have joined the Nantes protests.",
    ),
    # yearly vs cumulative
    ("L'État versera 2 milliards d'euros par an à la SNCF.", "L'État versera 10 milliards d'euros à la SNCF."),
    (
        "The state will pay €2 billion a year to the rail operator.",
        "The state will pay €10 billion to the rail operator.",
    ),
    # a margin vs a level / a time
    ("Dumont l'emporte avec 1 230 voix d'avance à Saint-Aubin.", "Dumont obtient 8 400 voix à Saint-Aubin."),
    (
        "Kiprop won the Lyon marathon by 12 seconds.",
        "Kiprop won the Lyon marathon in 2 hours, 11 minutes and 5 seconds.",
    ),
    ("Le club a recruté 300 salariés supplémentaires à Douai.", "Le club emploie 1 200 salariés à Douai."),
    # another entity's figure
    ("Dumont recueille 52,4 % des voix.", "Lecoq recueille 47,6 % des voix."),
    (
        "Sa liste arrive en tête avec plus de 52 % des voix, devant celle de Bernard Lecoq.",
        "Son adversaire, le maire sortant Bernard Lecoq, recueille 47,6 % des voix.",
    ),
    # a different year stated in the sentence
    ("Tavi a tué 240 personnes en 2019 à Port Selwyn.", "Le cyclone Mira a tué 112 personnes à Port Selwyn en 2025."),
    ("In 2019 the club paid £45 million for Brandt.", "In 2025 the club paid £86 million for Ferreira."),
    # a clock time vs a duration
    ("L'incendie de Brest s'est déclaré vers 5 heures du matin.", "L'incendie de Brest a duré trois heures."),
    ("The Brest fire broke out at 5 a.m.", "The Brest fire lasted three hours."),
]


@pytest.mark.parametrize("a,b", TRAPS)
def test_scope_traps_are_never_warnings(a, b):
    assert warnings(a, b) == [], [f.message for f in warnings(a, b)]


@pytest.mark.parametrize("a,b", TRAPS[:8])
def test_part_place_and_toll_traps_are_silent(a, b):
    assert findings(a, b) == [], [f.message for f in findings(a, b)]


@pytest.mark.parametrize(
    "text,lang,tag",
    [
        ("Le groupe compte 2 000 salariés, dont 600 salariés en Rhône-Alpes.", "fr", "part"),
        ("Some 12,000 officers were deployed, 2,000 of them in Lyon.", "en", "part"),
        ("Depuis le début du mouvement, 180 000 manifestants ont défilé.", "fr", "period"),
        ("So far, 180,000 marchers have joined in total.", "en", "period"),
        ("Dumont l'emporte avec 1 230 voix d'avance.", "fr", "delta"),
        ("Kiprop won by 12 seconds.", "en", "delta"),
        ("2 000 policiers ont été mobilisés à Paris.", "fr", "place"),
    ],
)
def test_scope_tags(text, lang, tag):
    qs = [q for q in parse_quantities(text, lang) if not q.is_temporal]
    assert any(tag in scope_tags(text, q) for q in qs)


def test_scope_verdict_is_symmetric():
    tags = [
        {},
        {"part": "part"},
        {"period": "day"},
        {"period": "cumulative"},
        {"place": "lyon"},
        {"place": "paris"},
        {"delta": "delta"},
        {"part": "part", "place": "lyon"},
    ]
    for ta in tags:
        for tb in tags:
            assert scope_verdict(ta, tb) == scope_verdict(tb, ta)


def test_same_fact_still_conflicts_in_both_languages():
    assert warnings("Le séisme de Tarvis a fait 12 morts.", "Le séisme de Tarvis a fait 19 morts.")
    assert warnings("The Tarvis quake killed 12 people.", "The Tarvis quake killed 19 people.")
    assert warnings("The Tarvis quake killed 12 people.", "Le séisme de Tarvis a fait 19 morts.")

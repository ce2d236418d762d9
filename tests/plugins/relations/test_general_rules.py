"""General rule packs (relation-general, numeric-generic slots) with the whole rule set loaded.

`factcheck rules test` runs each rule alone; swapped acquirer/target and parent/subsidiary
need the antonym relation of the other rule, so they are tested here.
"""

import pytest

from checker.context import Options
from checker.run.pipeline import Checker
from plugins.entities.ruletype import company_id
from plugins.numeric.parse import parse_quantities


@pytest.fixture(scope="module")
def checker():
    return Checker(only_types=["numeric", "relation", "entities"], options=Options(use_cache=False))


def _found(checker, a, b, kind=None):
    r = checker.check_texts({"a.txt": a, "b.txt": b})
    return [f for f in r.findings if f.level in ("warning", "error") and (kind is None or f.kind == kind)]


@pytest.mark.parametrize(
    "a,b",
    [
        ("Valmont a racheté Transalpes.", "Transalpes a racheté Valmont."),
        ("Brightline acquired DataForge.", "DataForge acquired Brightline."),
        ("Helvion est une filiale de Nordvik.", "Nordvik est une filiale d'Helvion."),
        ("Helvion is a subsidiary of Nordvik.", "Nordvik est une filiale d'Helvion."),
        # passive vs active: the tense of the wording says nothing about a one-time event
        ("Brightline was acquired by DataForge for $2 billion.", "Brightline acquired DataForge for $2 billion."),
        ("Transalpes a été rachetée par Valmont.", "Transalpes rachète Valmont."),
    ],
)
def test_swapped_roles_conflict(checker, a, b):
    assert _found(checker, a, b, "relation")


@pytest.mark.parametrize(
    "a,b",
    [
        ("Valmont a racheté Transalpes.", "Transalpes a été racheté par Valmont."),
        ("Brightline acquired DataForge.", "DataForge was bought by Brightline."),
        ("Helvion, a subsidiary of Sweden's Nordvik, opened a plant.", "Nordvik is the parent company of Helvion."),
        ("Helvion est une filiale de Nordvik.", "Helvion is a subsidiary of Nordvik."),
    ],
)
def test_same_roles_consistent(checker, a, b):
    assert not _found(checker, a, b, "relation")


def test_cross_language_workforce_and_jobs(checker):
    assert _found(
        checker, "Le site doit créer 1 200 emplois d'ici 2027.", "The site will create 3,000 jobs by 2027.", "numeric"
    )
    assert not _found(
        checker, "Le site doit créer 1 200 emplois d'ici 2027.", "The site will create 1,200 jobs by 2027.", "numeric"
    )


def test_count_noun_classes():
    (q,) = [q for q in parse_quantities("Transalpes emploie 4 500 salariés.", "fr") if q.qtype == "count"]
    (r,) = [q for q in parse_quantities("The company employs 4,500 people.", "en") if q.qtype == "count"]
    assert q.noun == r.noun == "employees"
    assert q.extra["noun_text"] == "salariés"
    (j,) = [q for q in parse_quantities("Le site créera 300 emplois.", "fr") if q.qtype == "count"]
    assert j.noun == "jobs"
    (o,) = [q for q in parse_quantities("La flotte compte 38 camions.", "fr") if q.qtype == "count"]
    assert o.noun == "camions"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Brightline Software", "Brightline"),
        ("Kestrel Networks", "Kestrel"),
        ("Groupe Valmont", "Valmont"),
        ("Cisco Systems Inc.", "Cisco"),
        ("General Motors", "General Motors"),
        ("Software", "Software"),
    ],
)
def test_company_id(name, expected):
    assert company_id(name) == expected


def test_short_company_name_matches_long_one(checker):
    assert _found(
        checker, "Lena Ortiz, the CEO of DataForge Software, spoke.", "Mark Hale is the CEO of DataForge.", "relation"
    )

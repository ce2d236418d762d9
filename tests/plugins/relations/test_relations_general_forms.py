"""General forms of roles and relations met in stories written blind to the rules (issue 13):
each form is written here in our own words, with other names, in French and English where it
applies, with the traps of the same kind that must stay silent."""

from __future__ import annotations

import pytest

from checker.run.pipeline import Checker

EN = " The statement was published on Monday by the office."
FR = " Le communiqué a été publié lundi par ses services."


@pytest.fixture(scope="module")
def checker():
    c = Checker(only_types={"relation"})
    assert not [e for e in c.errors if e.kind == "rule"], c.errors
    return c


def found(checker, *texts):
    res = checker.check_texts({f"d{i}.txt": t for i, t in enumerate(texts)})
    return sorted((f.explanation["constraint"], f.level) for f in res.findings if f.kind == "relation")


def loud(got):
    return [x for x in got if x[1] in ("warning", "error")]


# -- a body named once, then by its common noun after "du" / "des" ("le PDG du groupe") ------------
GROUP = "La coopérative rachète la marque, filiale du groupe Valdorne Foods. "
CONFLICTS = [
    (
        GROUP + "Le directeur général du groupe, Simon Ferrand, a parlé." + FR,
        GROUP + "Simon Ferrand, qui n'est plus directeur général du groupe, a parlé." + FR,
    ),
    (
        GROUP + "Le PDG du groupe, Simon Ferrand, a parlé." + FR,
        GROUP + "La PDG du groupe, Agathe Lenoir, a parlé." + FR,
    ),
]

SILENT = [
    # one person named two ways
    (
        GROUP + "Le PDG du groupe, Simon Ferrand, a parlé." + FR,
        GROUP + "Le PDG du groupe, M. Ferrand, a parlé." + FR,
    ),
    # a former holder with years
    (
        GROUP + "Le PDG du groupe, Simon Ferrand, a parlé." + FR,
        GROUP + "Agathe Lenoir, PDG du groupe de 2009 à 2018, a parlé." + FR,
    ),
    # two groups, each with its own chief
    (
        GROUP + "Le PDG du groupe, Simon Ferrand, a parlé." + FR,
        "La marque appartient au groupe Orvalis. La PDG du groupe, Agathe Lenoir, a parlé." + FR,
    ),
]


@pytest.mark.parametrize("a, b", CONFLICTS)
def test_general_forms_give_a_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


@pytest.mark.parametrize("a, b", SILENT)
def test_traps_of_those_forms_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)

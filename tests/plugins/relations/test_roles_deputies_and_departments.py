"""Two commonest forms of local and institutional offices that the role rules did not read
(issue 13, general roles): a French deputy mayor by portfolio ("adjointe chargée de la sécurité
à Saint-Fons", "adjoint aux sports de Lyon") and the director of a department of a named body
("directrice des soins du CHU").  Written in our own words, with invented names, beside the
traps of the same kind that must stay below warning."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, loud, relation_checker

from plugins.relations.roles import resolve_role


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


@pytest.mark.parametrize(
    "phrase",
    [
        "adjointe chargee de la securite",
        "adjoint charge des sports",
        "adjoint aux sports",
        "adjointe a la culture",
        "adjoint a l' urbanisme",
        "adjointe en charge de la voirie",
        "adjoint au maire charge de la securite",
        "maire adjointe chargee de l' eclairage public",
        "adjointe deleguee a la tranquillite publique",
    ],
)
def test_a_deputy_mayor_by_portfolio_is_a_deputy_mayor(phrase):
    role = resolve_role(phrase, "fr")
    assert role is not None and role.relation == "role.deputy_mayor", role


@pytest.mark.parametrize("phrase", ["deputy mayor for housing", "deputy mayor responsible for public safety"])
def test_an_english_deputy_mayor_by_portfolio_is_a_deputy_mayor(phrase):
    role = resolve_role(phrase, "en")
    assert role is not None and role.relation == "role.deputy_mayor", role


@pytest.mark.parametrize("phrase", ["adjoint", "adjointe de direction", "directeur adjoint", "adjoint technique"])
def test_a_deputy_of_no_portfolio_is_no_deputy_mayor(phrase):
    role = resolve_role(phrase, "fr")
    assert role is None or role.relation != "role.deputy_mayor", role


@pytest.mark.parametrize(
    "a, b",
    [
        # a mayor against a deputy by portfolio, the town after "à"
        (
            "« Restez chez vous », a demandé la maire de Vernaison, Lucie Ferrand, jeudi soir." + FR,
            "« Les écoles resteront fermées », a indiqué Lucie Ferrand, adjointe chargée de la sécurité à Vernaison."
            + FR,
        ),
        # a mayor against a deputy by portfolio, the town after "de"
        (
            "Karim Besson, maire de Saint-Aubin, a visité le chantier mardi." + FR,
            "Karim Besson, adjoint aux travaux de Saint-Aubin, a visité le chantier mardi." + FR,
        ),
    ],
)
def test_a_mayor_and_a_deputy_mayor_for_one_person_is_a_warning(checker, a, b):
    got = found(checker, a, b)
    assert ("functional", "warning") in got, got
    assert ("functional", "error") not in got, got


@pytest.mark.parametrize(
    "a, b",
    [
        # a town has several deputies: two people, two portfolios
        (
            "Anne Roux, adjointe à la culture de Saint-Aubin, a ouvert la séance." + FR,
            "Paul Martin, adjoint aux sports de Saint-Aubin, a ouvert la séance." + FR,
        ),
        # one deputy, his portfolio written one way and the other
        (
            "Paul Martin, adjoint aux sports de Saint-Aubin, a ouvert la séance." + FR,
            "Paul Martin, adjoint au maire de Saint-Aubin, a ouvert la séance." + FR,
        ),
        # a deputy of another town than the mayor's
        (
            "Karim Besson, maire de Saint-Aubin, a visité le chantier mardi." + FR,
            "Léa Garnier, adjointe chargée de la sécurité à Vernaison, a visité le chantier." + FR,
        ),
        # a researcher "à" a body: an office of its own, not a conflict with nothing
        (
            "Claire Vidal, directrice de recherche au CNRS, a présenté l'étude." + FR,
            "Claire Vidal, directrice de recherche au CNRS, a répondu aux questions." + FR,
        ),
    ],
)
def test_deputies_that_can_all_be_true_stay_below_warning(checker, a, b):
    assert not loud(found(checker, a, b))


# -- the director of a department of a named body -----------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        (
            "La directrice générale du CHU, Hélène Vasseur, parle d'une situation difficile." + FR,
            "Hélène Vasseur, directrice des soins du CHU, reconnaît des tensions." + FR,
        ),
        (
            "Le directeur général de Valmont, Marc Lenoir, a reçu les syndicats." + FR,
            "Marc Lenoir, directeur des ressources humaines de Valmont, a reçu les syndicats." + FR,
        ),
    ],
)
def test_the_head_of_a_body_and_the_director_of_one_of_its_departments_is_a_warning(checker, a, b):
    got = found(checker, a, b)
    assert ("functional", "warning") in got, got


@pytest.mark.parametrize(
    "a, b",
    [
        # a board of the company is another body: its chair may also run the company (a suggestion at most)
        (
            "Paul Roux, président du conseil de surveillance de Valmont, a parlé." + FR,
            "Paul Roux, président de Valmont, a parlé." + FR,
        ),
        # the same department named twice
        (
            "Hélène Vasseur, directrice des soins du CHU, reconnaît des tensions." + FR,
            "La directrice des soins du CHU, Hélène Vasseur, reconnaît des tensions." + FR,
        ),
        # a body written as a common noun on both sides ("de l'hôpital"): perhaps two bodies
        (
            "Le directeur général de l'hôpital, Marc Lenoir, a reçu les syndicats." + FR,
            "Marc Lenoir, directeur des ressources humaines de l'hôpital, a reçu les syndicats." + FR,
        ),
        # the head of the body named two ways
        (
            "La directrice générale du CHU, Hélène Vasseur, parle d'une situation difficile." + FR,
            "Hélène Vasseur, directrice du CHU, reconnaît des tensions." + FR,
        ),
    ],
)
def test_one_department_or_two_bodies_stay_below_warning(checker, a, b):
    assert not loud(found(checker, a, b))


def test_english_is_unchanged_by_the_french_forms(checker):
    a = "Deputy mayor for housing Ruth Cole said the flats would be inspected." + EN
    b = "Ruth Cole, the mayor of Ashford, said the flats would be inspected." + EN
    got = found(checker, a, b)
    assert ("functional", "error") not in got, got

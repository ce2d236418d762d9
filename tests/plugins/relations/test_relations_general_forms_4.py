"""General forms of roles and relations, fourth round (issue 13): causes left by the third round on
the development corpora.  Every case is written here in our own words, with invented names, beside
the traps of the same kind that must stay below warning."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, loud, relation_checker


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


# -- the owner named after its class noun: "du département du Gers", "à la commune de X" -------------
@pytest.mark.parametrize(
    "a, b",
    [
        # the class noun of the owner between the preposition and its name, an aside after the thing
        (
            "Bâti en 1950, le viaduc, long de 90 mètres, est la propriété du département du Gers." + FR,
            "Le viaduc appartient à la commune de Lectoure." + FR,
        ),
        ("Le hangar est la propriété de la société Norvane." + FR, "Le hangar appartient au groupe Orvalis." + FR),
        # an adverb of the verb ("owned outright"); "chartered from X": X owns it
        (
            "The barge is owned outright by Calloway Marine." + EN,
            "The barge, which also carried 40 cars, is chartered from Danish firm Brenner Leasing." + EN,
        ),
        (
            "The barge is owned by the shipping group Calloway Marine." + EN,
            "The barge is leased from Brenner Leasing." + EN,
        ),
    ],
)
def test_an_owner_after_its_class_noun_or_a_lessor_is_compared(checker, a, b):
    assert ("functional", "warning") in found(checker, a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        # one owner told two ways
        (
            "Le viaduc est la propriété du département du Gers." + FR,
            "Le viaduc appartient au département du Gers." + FR,
        ),
        # the one who charters it is no owner; two things
        ("The barge is owned by Calloway Marine." + EN, "The barge is chartered by Brenner Leasing." + EN),
        ("The barge is owned by Calloway Marine." + EN, "The ferry is chartered from Brenner Leasing." + EN),
        # a name after a clause is no owner ("des habitants depuis que Paul Martin...")
        (
            "Le viaduc est la propriété des habitants depuis que Paul Martin l'a légué." + FR,
            "Le viaduc appartient au groupe Orvalis." + FR,
        ),
        # a past lease says nothing of the owner now
        ("The barge is owned by Calloway Marine." + EN, "The barge was chartered from Brenner Leasing in 2015." + EN),
    ],
)
def test_one_owner_two_ways_a_charterer_or_a_name_after_a_clause_is_no_conflict(checker, a, b):
    assert loud(found(checker, a, b)) == [], found(checker, a, b)


# -- an independent company against a subsidiary of a group --------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        (
            "Corvane, an independent, family-owned company, builds the turbines." + EN,
            "Corvane, a subsidiary of Lisbon-based engineering group Tavora Industries, builds the turbines." + EN,
        ),
        ("Corvane is an independent firm." + EN, "Corvane is a unit of Tavora Industries." + EN),
        (
            "Son fournisseur, Corvane, est une entreprise indépendante, selon son site." + FR,
            "Corvane, une filiale du groupe Tavora, livre les turbines." + FR,
        ),
        (
            "Corvane, société indépendante, livre les turbines." + FR,
            "Tavora, qui possède Corvane, a publié ses comptes." + FR,
        ),
    ],
)
def test_an_independent_company_is_no_subsidiary(checker, a, b):
    assert ("polarity", "warning") in loud(found(checker, a, b)) or ("polarity", "error") in loud(found(checker, a, b))


@pytest.mark.parametrize(
    "a, b",
    [
        # two companies
        (
            "Corvane, an independent company, builds the turbines." + EN,
            "Lumeo, a subsidiary of Tavora, builds them." + EN,
        ),
        # once independent
        ("Corvane was an independent company until 2019." + EN, "Corvane is a subsidiary of Tavora Industries." + EN),
        # an independent unit of a group is still its unit
        ("Corvane runs as an independent unit of Tavora." + EN, "Corvane is a subsidiary of Tavora Industries." + EN),
        ("Corvane, filiale indépendante du groupe Tavora, livre." + FR, "Corvane est une filiale de Tavora." + FR),
    ],
)
def test_two_companies_a_past_independence_or_an_independent_unit_is_no_conflict(checker, a, b):
    assert loud(found(checker, a, b)) == [], found(checker, a, b)


def test_the_city_a_parent_is_based_in_is_not_the_parent(checker):
    # "a subsidiary of Lisbon-based group Tavora": Tavora is the parent, Lisbon only where it sits
    got = found(
        checker,
        "Corvane, a subsidiary of Lisbon-based engineering group Tavora Industries, builds the turbines." + EN,
        "Corvane is a subsidiary of Tavora Industries." + EN,
    )
    assert loud(got) == [], got


# -- a vessel's officers: "the vessel's master, Captain X" / "the vessel's chief officer, X" ------------
def test_a_vessel_s_master_and_its_chief_officer_are_two_posts_of_one_person(checker):
    got = found(
        checker,
        "The vessel's master, Captain Rhys Talbot, has sailed the route for years." + EN,
        "The vessel's chief officer, Rhys Talbot, was on the bridge at the time." + EN,
    )
    assert ("functional", "warning") in got, got


@pytest.mark.parametrize(
    "a, b",
    [
        # one post, told two ways; the person named two ways
        (
            "The vessel's master, Captain Rhys Talbot, has sailed the route for years." + EN,
            "Captain Rhys Talbot, the vessel's master, was on the bridge." + EN,
        ),
        (
            "The vessel's chief officer, Rhys Talbot, was on the bridge." + EN,
            "Mr Talbot, the vessel's chief officer, was on the bridge." + EN,
        ),
        # two people, two posts
        (
            "The vessel's master, Captain Rhys Talbot, spoke." + EN,
            "The vessel's chief officer, Anna Kerr, was on the bridge." + EN,
        ),
        # two posts at two stated times
        (
            "Rhys Talbot has been the vessel's master since 2020." + EN,
            "Rhys Talbot, the vessel's chief officer in 2012, joined the crew that year." + EN,
        ),
    ],
)
def test_one_officer_named_two_ways_two_officers_or_two_times_are_no_error(checker, a, b):
    got = found(checker, a, b)
    assert ("functional", "error") not in got and ("polarity", "error") not in got, got
    assert loud(got) == [], got


# -- the client that hired a contractor: "X, mandatée par Y" / "X, a firm hired by Y" --------------------
@pytest.mark.parametrize(
    "a, b",
    [
        (
            "La sécurité était assurée par la société Vigilis, mandatée par l'organisateur Norvent Prod." + FR,
            "Security was provided by Vigilis, a firm hired directly by Arcadia Hall, which runs the venue." + EN,
        ),
        (
            "Vigilis, a contractor hired by Norvent Prod, kept the doors." + EN,
            "Vigilis, a firm hired by Arcadia Hall, kept the doors." + EN,
        ),
    ],
)
def test_a_contractor_hired_by_two_different_clients_is_compared(checker, a, b):
    assert ("functional", "warning") in found(checker, a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        # one client, told two ways
        (
            "La sécurité était assurée par Vigilis, mandatée par l'organisateur Norvent Prod." + FR,
            "Vigilis, a firm hired by Norvent Prod, kept the doors." + EN,
        ),
        # two contractors
        (
            "Vigilis, a firm hired by Norvent Prod, kept the doors." + EN,
            "Brisca, a firm hired by Arcadia Hall, cleaned." + EN,
        ),
        # a person sent by a client is no contractor of this rule
        (
            "Maître Paul Girard, mandaté par la famille Orsini, a parlé." + FR,
            "Maître Paul Girard, mandaté par la société Valmont, a parlé." + FR,
        ),
    ],
)
def test_one_client_two_ways_two_contractors_or_a_person_is_no_conflict(checker, a, b):
    assert loud(found(checker, a, b)) == [], found(checker, a, b)

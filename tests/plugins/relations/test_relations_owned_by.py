"""Who owns a company or a named place, in the forms news copy uses most (issue 13, general
relations): "X, owned by <what the owner is> Y", "X, which is majority-owned by Y", "X,
propriété du groupe Y", "X, qui appartient à la commune de Y".  One owner at a time: another
article giving X another parent or owner is a conflict; shares, partial owners, past owners and
the same owner named twice are not.  Our own words and invented names."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, loud, relation_checker


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


CONFLICTS = [
    # owned by, the owner's description between "by" and its name
    (
        "Tessaly Networks, owned by Bristol-based private equity firm Harrow Capital, runs the system." + EN,
        "Tessaly Networks, a subsidiary of the Dutch group Veldhoven, runs the system." + EN,
    ),
    # majority-owned, in a relative clause
    (
        "Corbel, which is majority-owned by Chilean investment group Andes Partners, made the offer." + EN,
        "Corbel, a unit of Korea's Hanmok Holdings, made the offer." + EN,
    ),
    # owned by against owned by
    (
        "Tessaly Networks, owned by Harrow Capital, runs the system." + EN,
        "Tessaly Networks is wholly owned by Veldhoven, the company said." + EN,
    ),
    # French: "propriété du groupe Y" against a subsidiary
    (
        "Le domaine des Pins Bleus, propriété du groupe Valmonde, a été évacué." + FR,
        "Le domaine des Pins Bleus, filiale du groupe Orvalis, a été évacué." + FR,
    ),
    # French: "qui appartient à la commune de Y" against "propriété du groupe Z"
    (
        "Le camping des Pins Bleus, propriété du groupe Valmonde, a brûlé." + FR,
        "Le camping des Pins Bleus, qui appartient à la commune de Lorgues, a brûlé." + FR,
    ),
    # French: a year between the verb and the owner
    (
        "Le domaine des Pins Bleus appartient depuis 2019 au fonds américain Castor Partners." + FR,
        "Le domaine des Pins Bleus, filiale du groupe Orvalis, a été évacué." + FR,
    ),
]


@pytest.mark.parametrize("a, b", CONFLICTS)
def test_two_owners_of_one_company_or_place_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


CONSISTENT = [
    # one owner, named with and without its description
    (
        "Tessaly Networks, owned by Bristol-based private equity firm Harrow Capital, runs the system." + EN,
        "Tessaly Networks, a subsidiary of Harrow Capital, runs the system." + EN,
    ),
    # a part owner is not the owner
    (
        "Tessaly Networks, partly owned by Harrow Capital, runs the system." + EN,
        "Tessaly Networks, a subsidiary of Veldhoven, runs the system." + EN,
    ),
    (
        "Tessaly Networks, which is co-owned by Harrow Capital, runs the system." + EN,
        "Tessaly Networks, a subsidiary of Veldhoven, runs the system." + EN,
    ),
    # a past owner
    (
        "Tessaly Networks, which was owned by Harrow Capital until 2020, runs the system." + EN,
        "Tessaly Networks, a subsidiary of Veldhoven, runs the system." + EN,
    ),
    # two companies, two owners
    (
        "Tessaly Networks, owned by Harrow Capital, runs the system." + EN,
        "Brenner Data, owned by Veldhoven, runs the backup." + EN,
    ),
    # French: one owner, two forms
    (
        "Le camping des Pins Bleus, propriété du groupe Valmonde, a brûlé." + FR,
        "Le camping des Pins Bleus, qui appartient au groupe Valmonde, a brûlé." + FR,
    ),
    # "the same owner as Y" names no owner
    (
        "Tessaly Networks, owned by the same fund as Brenner Data, runs the system." + EN,
        "Tessaly Networks, a subsidiary of Veldhoven, runs the system." + EN,
    ),
    (
        "Le domaine des Pins Bleus appartient au même groupe que le château Lafaurie." + FR,
        "Le domaine des Pins Bleus, filiale du groupe Orvalis, a été évacué." + FR,
    ),
    # French: a town's campsite and the town's mayor
    (
        "Le camping des Pins Bleus, qui appartient à la commune de Lorgues, a brûlé." + FR,
        "Le maire de Lorgues, Paul Riviere, a visité le camping des Pins Bleus." + FR,
    ),
]


@pytest.mark.parametrize("a, b", CONSISTENT)
def test_one_owner_or_no_sole_owner_stays_below_warning(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)

"""General forms of roles and relations met in stories written blind to the rules (issue 13):
each form is written here in our own words, with other names, in French and English where it
applies, with the traps of the same kind that must stay silent."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, loud, relation_checker


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


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


# -- the judge of a trial, by the title before the name ------------------------------------------
JUDGE_CONFLICTS = [
    (
        "Judge Helen Marsh adjourned the hearing until May." + EN,
        "Judge Robert Quayle adjourned the hearing until May." + EN,
    ),
    ("Le juge Bertrand Oudin a renvoyé l'audience." + FR, "La juge Sylvie Carrel a renvoyé l'audience." + FR),
]
JUDGE_SILENT = [
    # one judge named two ways
    ("Judge Helen Marsh adjourned the hearing." + EN, "Judge Marsh told the defendant to stand." + EN),
    # a former judge
    ("Judge Helen Marsh adjourned the hearing." + EN, "Robert Quayle, a former judge, said it was rare." + EN),
    # two courts, each with its own judge
    (
        "Helen Marsh, the judge of Leeds Crown Court, spoke." + EN,
        "Robert Quayle, the judge of Bristol Crown Court, spoke." + EN,
    ),
]


@pytest.mark.parametrize("a, b", JUDGE_CONFLICTS)
def test_two_judges_of_one_trial_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


@pytest.mark.parametrize("a, b", JUDGE_SILENT)
def test_one_judge_two_ways_or_two_courts_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


# -- a supplier of the story's body named by its common noun: sole against one among several ------
SUPPLIER_CONFLICTS = [
    (
        "The money went through Norvik Cleaning, the county's sole cleaning contractor, for years." + EN,
        "Between 2018 and 2021 he approved bills from Norvik Cleaning, one of three contractors used by the county."
        + EN,
    ),
    (
        "Norvik Cleaning, a family firm and the sole supplier to the factory, was not blamed." + EN,
        "Norvik Cleaning, one of five suppliers of the factory, was not blamed." + EN,
    ),
    (
        "Le lait vient de la Fromagerie Berthaud, coopérative laitière et fournisseur exclusif de l'usine depuis 2015."
        + FR,
        "Le lait vient de la Fromagerie Berthaud, l'un des quatre fournisseurs de l'usine, selon la direction." + FR,
    ),
]
SUPPLIER_SILENT = [
    # two bodies: the county's and the hospital's
    (
        "The money went through Norvik Cleaning, the county's sole cleaning contractor, for years." + EN,
        "Norvik Cleaning, one of three contractors used by the hospital, declined to comment." + EN,
    ),
    # sole until a year, one of several now
    (
        "Norvik Cleaning was the sole supplier to the county until 2019." + EN,
        "Norvik Cleaning, one of three contractors used by the county, declined to comment." + EN,
    ),
]


@pytest.mark.parametrize("a, b", SUPPLIER_CONFLICTS)
def test_sole_supplier_against_one_of_several_conflicts(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


@pytest.mark.parametrize("a, b", SUPPLIER_SILENT)
def test_suppliers_of_two_bodies_or_two_times_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


# -- the office of a level of government by its adjective ("Regional president X") ---------------
LEVEL_CONFLICTS = [
    (
        "La présidente de région, Odile Quéré, a défendu le budget." + FR,
        "Regional president Yann Prigent defended the budget on Friday." + EN,
    ),
    (
        "Regional president Yann Prigent defended the budget on Friday." + EN,
        "Regional president Odile Quere defended the budget on Friday." + EN,
    ),
]
LEVEL_SILENT = [
    # one person named two ways
    (
        "La présidente de région, Odile Quéré, a défendu le budget." + FR,
        "Regional president Odile Quéré defended the budget on Friday." + EN,
    ),
    # the region and the department: two bodies
    (
        "La présidente du département, Odile Quéré, a défendu le budget." + FR,
        "Regional president Yann Prigent defended the budget on Friday." + EN,
    ),
    # a former holder with years
    (
        "Regional president Yann Prigent defended the budget on Friday." + EN,
        "Odile Quere, regional president from 2010 to 2016, defended the budget." + EN,
    ),
]


@pytest.mark.parametrize("a, b", LEVEL_CONFLICTS)
def test_two_presidents_of_the_region_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


@pytest.mark.parametrize("a, b", LEVEL_SILENT)
def test_one_regional_president_two_ways_or_two_bodies_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


def test_a_level_adjective_names_the_body_of_the_office():
    from plugins.relations.roles import resolve_role

    role = resolve_role("regional president", "en")
    assert (role.relation, role.complement) == ("role.president", "region")
    assert resolve_role("presidente de region", "fr").complement == "region"


# -- who owns or operates a thing, named or called by its common noun ------------------------------
OWNER_CONFLICTS = [
    ("The regatta is owned by Saltmarsh Sailing Club." + EN, "The regatta's owner, Corvane Leisure, spoke." + EN),
    (
        "Saltmarsh Sailing Club, the charity that owns the regatta, spoke." + EN,
        "The regatta is owned by Corvane Leisure." + EN,
    ),
    ("Le casino, propriété de Valtour, a fermé." + FR, "Le casino appartient au groupe Orvalis." + FR),
    (
        "Le barrage de Grandval, exploité par Hydrelec, a été inspecté." + FR,
        "Le barrage de Grandval, exploité par la Sorane, a été inspecté." + FR,
    ),
    (
        "The Kelso reservoir, run by Tayne Water, was closed." + EN,
        "The Kelso reservoir is run by Brora Utilities." + EN,
    ),
]
OWNER_SILENT = [
    # one owner, said two ways
    (
        "The regatta is owned by Saltmarsh Sailing Club." + EN,
        "Saltmarsh Sailing Club, the charity that owns the regatta, spoke." + EN,
    ),
    # two things, each with its own owner
    ("The regatta is owned by Saltmarsh Sailing Club." + EN, "The marina is owned by Corvane Leisure." + EN),
    ("Le casino, propriété de Valtour, a fermé." + FR, "Le stade appartient au groupe Orvalis." + FR),
    # a former owner
    (
        "The regatta is owned by Saltmarsh Sailing Club." + EN,
        "The regatta was owned by Corvane Leisure until 2012." + EN,
    ),
    # not a thing of the story: "owns the rights"
    ("Saltmarsh Sailing Club owns the rights to the film." + EN, "Corvane Leisure owns the rights to the race." + EN),
]


@pytest.mark.parametrize("a, b", OWNER_CONFLICTS)
def test_two_owners_or_operators_of_one_thing_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


@pytest.mark.parametrize("a, b", OWNER_SILENT)
def test_one_owner_two_ways_two_things_or_a_former_owner_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


def test_a_thing_is_the_common_noun_itself():
    from plugins.relations.patterns import PatternError, pattern_source, thing_word

    assert "thing" in pattern_source("the {thing} {be} owned by {subj}", [])[1]
    with pytest.raises(PatternError):
        pattern_source("the {thing} of the {thing} , {subj}", [])
    assert thing_word("race") and not thing_word("the") and not thing_word("rights")


# -- offices of an event, a county, a school: one holder at a time ---------------------------------
OFFICE_CONFLICTS = [
    ("Race director Nadia Forde praised the volunteers." + EN, "Race director Owen Tully praised the volunteers." + EN),
    (
        "Le directeur de course, Hugo Lemaire, a salué les bénévoles." + FR,
        "Race director Owen Tully praised the volunteers." + EN,
    ),
    ("The headteacher, Nadia Forde, closed the school." + EN, "The headteacher, Owen Tully, closed the school." + EN),
]
OFFICE_SILENT = [
    # one person named two ways
    ("Race director Nadia Forde praised the volunteers." + EN, "Race director Forde praised the volunteers." + EN),
    # two races, each with its own director
    (
        "Nadia Forde, race director of the Kelso Marathon, spoke." + EN,
        "Owen Tully, race director of the Brora Half, spoke." + EN,
    ),
    # a former holder
    ("Race director Nadia Forde praised the volunteers." + EN, "Owen Tully, the former race director, was there." + EN),
]


@pytest.mark.parametrize("a, b", OFFICE_CONFLICTS)
def test_two_holders_of_an_event_or_school_office_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


@pytest.mark.parametrize("a, b", OFFICE_SILENT)
def test_one_holder_two_ways_two_events_or_a_former_holder_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


# -- "said X, the mayor." and the French "directeur" of a body (its head) -------------------------
HEAD_CONFLICTS = [
    ("The road will reopen, said Ruth Vane, the mayor." + EN, "The road will reopen, said Colin Marr, the mayor." + EN),
    (
        "Selon Lucie Barthe, directrice de l'hôpital, tout est prêt." + FR,
        "Selon Marc Oriol, directeur de l'hôpital, tout est prêt." + FR,
    ),
    (
        "La directrice du musée de Rodez, Lucie Barthe, a parlé." + FR,
        "Le directeur du musée de Rodez, Marc Oriol, a parlé." + FR,
    ),
]
HEAD_SILENT = [
    # the mayor of a town named: no office with nothing named besides it
    (
        "Ruth Vane, the mayor of Kelso, spoke." + EN,
        "Colin Marr, the mayor of Brora, spoke." + EN,
    ),
    # one person named two ways
    ("The road will reopen, said Ruth Vane, the mayor." + EN, "The road will reopen, said Ms Vane, the mayor." + EN),
    # two museums, each with its director; a deputy beside the director
    (
        "La directrice du musée de Rodez, Lucie Barthe, a parlé." + FR,
        "Le directeur du musée d'Albi, Marc Oriol, a parlé." + FR,
    ),
    (
        "Lucie Barthe, directrice adjointe de l'hôpital, a parlé." + FR,
        "Marc Oriol, directeur de l'hôpital, a parlé." + FR,
    ),
    # in English a director may sit on the board: several at once
    ("Ruth Vane, a director of Kestrel, spoke." + EN, "Colin Marr, a director of Kestrel, spoke." + EN),
]


@pytest.mark.parametrize("a, b", HEAD_CONFLICTS)
def test_two_heads_of_one_body_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


@pytest.mark.parametrize("a, b", HEAD_SILENT)
def test_heads_of_two_bodies_a_deputy_or_board_directors_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)

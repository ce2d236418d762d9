"""General forms of roles and relations, third round (issue 13): causes left by the second round on
the development corpora.  Every case is written here in our own words, with invented names, beside
the traps of the same kind that must stay below warning."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, loud, relation_checker


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


# -- one company under two names: "Veltra" / "Veltra Holding" ------------------------------------------
def _ids(checker, text: str, name: str) -> set[str]:
    """Entity ids the annotator gives the mentions of ``name`` in ``text``."""
    seen: set[str] = set()
    orig = checker.prepare

    def prepare(docs, ctx, instances, timings=None):
        out = orig(docs, ctx, instances, timings)
        for d in docs:
            seen.update(m.id for s in d.sentences for m in s.entities if m.text == name)
        return out

    checker.prepare = prepare
    try:
        checker.check_texts({"d0.txt": text, "d1.txt": "Rien à signaler."})
    finally:
        del checker.prepare
    return seen


@pytest.mark.parametrize(
    "text, name",
    [
        # French NER takes "Veltra Holding" for a person; the legal word says it is a company
        ("Veltra Holding, actionnaire minoritaire de Norvik depuis 2021, a refusé de payer." + FR, "Veltra Holding"),
        ("Selon Dorsan Groupe, la vente est close." + FR, "Dorsan Groupe"),
    ],
)
def test_a_name_ending_in_a_legal_or_group_word_is_the_company_of_its_short_name(checker, text, name):
    assert _ids(checker, text, name) == {name.split()[0].lower()}


def test_a_stake_told_under_the_long_and_the_short_name_of_one_company_is_compared(checker):
    got = found(
        checker,
        "Veltra Holding, which owns 65% of Norvik, declined to pay." + EN,
        "Veltra Holding, actionnaire minoritaire de Norvik, a refusé de payer." + FR,
    )
    assert ("exclusive_shared", "warning") in got, got


def test_a_person_is_not_cut_to_a_short_name(checker):
    # a person's name keeps its id whole (no legal word at its end)
    assert _ids(checker, "Paul Girard, actionnaire minoritaire de Norvik, a refusé de payer." + FR, "Paul Girard") == {
        "paul girard"
    }


# -- an office by its portfolio: "vice-président chargé des finances", "Finance vice-president" -------
def test_an_office_by_its_portfolio_is_one_office_in_both_languages():
    from plugins.relations.roles import resolve_role

    fr = resolve_role("vice-president charge des finances", "fr")
    en = resolve_role("vice-president for finance", "en")
    alone = resolve_role("chargee des finances", "fr")
    assert fr is not None and en is not None and alone is not None
    assert fr.office == en.office == alone.office and fr.unique
    transport = resolve_role("vice-presidente chargee des transports", "fr")
    assert transport is not None and transport.office != fr.office
    # an executive's post by its field is no portfolio: "finance director" stays the seed's CFO
    director = resolve_role("finance director", "en")
    assert director is not None and director.relation == "role.cfo"
    assert resolve_role("charge de mission", "fr") is None


PORTFOLIO = [
    # two people with one portfolio of the same council, one article in each language
    (
        "Le vice-président chargé des finances, Yannick Ferrec, a présenté la hausse de la taxe." + FR,
        "Finance vice-president Nolwenn Abgrall said the tax would rise in July." + EN,
        "functional",
    ),
    # the holder of a portfolio, and the same person who no longer holds it
    (
        "Le vice-président chargé des finances, Yannick Ferrec, a présenté la hausse de la taxe." + FR,
        "Yannick Ferrec, qui n'est plus chargé des finances depuis janvier, a laissé la parole." + FR,
        "polarity",
    ),
]


@pytest.mark.parametrize("a, b, constraint", PORTFOLIO)
def test_an_office_by_its_portfolio_is_compared(checker, a, b, constraint):
    got = found(checker, a, b)
    assert (constraint, "warning") in got, got
    assert not [x for x in got if x[1] == "error"], got


PORTFOLIO_SILENT = [
    # one person, one portfolio, named two ways
    (
        "Le vice-président chargé des finances, Yannick Ferrec, a présenté la hausse de la taxe." + FR,
        "Finance vice-president Yannick Ferrec said the tax would rise in July." + EN,
    ),
    # two portfolios, two people
    (
        "Le vice-président chargé des finances, Yannick Ferrec, a présenté la hausse de la taxe." + FR,
        "Transport vice-president Nolwenn Abgrall said the trains would run in July." + EN,
    ),
    (
        "Le vice-président chargé des finances, Yannick Ferrec, a présenté la hausse de la taxe." + FR,
        "La vice-présidente chargée des transports, Nolwenn Abgrall, a défendu les trains." + FR,
    ),
    # two holders of one portfolio at two stated times
    (
        "Yannick Ferrec, vice-président chargé des finances de 2015 à 2020, a présenté le bilan." + FR,
        "La vice-présidente chargée des finances, Nolwenn Abgrall, a défendu la hausse." + FR,
    ),
    # the former holder and the holder now
    (
        "Finance vice-president Nolwenn Abgrall said the tax would rise in July." + EN,
        "Yannick Ferrec, qui n'est plus chargé des finances depuis janvier, a laissé la parole." + FR,
    ),
]


@pytest.mark.parametrize("a, b", PORTFOLIO_SILENT)
def test_one_portfolio_named_two_ways_or_two_portfolios_stay_below_warning(checker, a, b):
    got = found(checker, a, b)
    assert not loud(got), got


# -- the sponsor of a study, across languages ("sponsored by" / "promu par") ---------------------------
SPONSOR = [
    (
        "The study was sponsored by Kelvane, which ran it in eleven countries." + EN,
        "L'essai, promu par l'Institut Borel et conduit dans onze pays, a inclus 9 000 volontaires." + FR,
    ),
    (
        "The trial is sponsored by Kelvane, the company said." + EN,
        "The trial was sponsored by Ostra Biologics, according to the registry." + EN,
    ),
]

SPONSOR_SILENT = [
    # one sponsor named in both languages
    (
        "The study was sponsored by Kelvane, which ran it in eleven countries." + EN,
        "L'essai, promu par Kelvane et conduit dans onze pays, a inclus 9 000 volontaires." + FR,
    ),
    # a funder is no sponsor (a study may have several funders)
    (
        "The study was sponsored by Kelvane, which ran it in eleven countries." + EN,
        "The study was funded by Ostra Biologics and two public agencies." + EN,
    ),
    # a race or a prize has sponsors of another kind: never read as a study's sponsor
    (
        "The race was sponsored by Kelvane." + EN,
        "The marathon was sponsored by Ostra Biologics." + EN,
    ),
]


@pytest.mark.parametrize("a, b", SPONSOR)
def test_two_sponsors_of_the_story_s_study_are_a_warning(checker, a, b):
    got = found(checker, a, b)
    assert ("functional", "warning") in got, got
    assert not [x for x in got if x[1] == "error"], got


@pytest.mark.parametrize("a, b", SPONSOR_SILENT)
def test_one_sponsor_or_a_funder_or_a_race_sponsor_stays_below_warning(checker, a, b):
    assert not loud(found(checker, a, b))


# -- a stake in "the company": the company the holder's stake is in elsewhere in the story -----------
def test_a_stake_in_the_company_is_in_the_one_company_the_holder_s_stake_is_named_in(checker):
    got = found(
        checker,
        "Veltra Holding, which owns 65% of Norvik, declined to pay." + EN,
        "Veltra Holding, actionnaire minoritaire de la compagnie depuis 2021, a refusé de payer." + FR,
    )
    assert ("exclusive_shared", "warning") in got, got


def test_a_stake_in_the_company_stays_unresolved_when_the_holder_has_stakes_in_two(checker):
    got = found(
        checker,
        "Veltra Holding, which owns 65% of Norvik, declined to pay. Veltra Holding owns 20% of Lumo." + EN,
        "Veltra Holding, actionnaire minoritaire de la compagnie depuis 2021, a refusé de payer." + FR,
    )
    assert not loud(got), got

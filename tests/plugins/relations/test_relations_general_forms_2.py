"""General forms of roles and relations, second round (issue 13): what stories written blind to the
rules use and the rules did not read.  Every case is written here in our own words, with invented
names, beside the traps of the same kind that must stay below warning."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, loud, relation_checker

from plugins.relations.roles import resolve_role


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


# -- one person, two specific posts at one body ------------------------------------------------------
#: an article about one company (its main subject), for roles with no organisation named
BRIX = "Brixton Labs cut 300 jobs. Brixton Labs said sales fell. Brixton Labs will close an office. "

TWO_POSTS = [
    # a post of its own (chief engineer) against a spokesperson
    (
        '"We found the fault," Corvane\'s chief engineer Lisa Hardy told reporters.' + EN,
        '"Drive with care," Corvane spokeswoman Lisa Hardy said in a statement.' + EN,
    ),
    # two executive posts, the title before the name after "is"; a year of joining is no other time
    (
        BRIX + "Chief Operating Officer Ravi Mensah, who joined in 2020, will leave the firm." + EN,
        BRIX + "One of the departures is CFO Ravi Mensah, who leaves in June." + EN,
    ),
    # the head of a plant against a post at the site ("the site's", "plant manager")
    (
        '"A dark day," plant manager Tom Reed told reporters at the gates.' + EN,
        "Tom Reed, the site's safety officer, said the families came first." + EN,
    ),
    # the head of a museum against its chief curator (French: "directeur" of a body is its head)
    (
        "« Une blessure », a réagi le directeur du musée, Paul Verdier, devant les grilles." + FR,
        "Paul Verdier, conservateur en chef du musée, a lancé un appel à témoins." + FR,
    ),
    # the head of a plant in French against a post of the plant in English, "Plant" starting the sentence
    (
        "« Une valve a cédé », a déclaré le directeur de l'usine, Marc Olivier, devant le site." + FR,
        "Plant safety manager Marc Olivier told reporters the company was still looking into it." + EN,
    ),
    # a mayor against the first deputy of the mayor of the same town
    (
        "Jeanne Morel, maire de Castelbrun, a parcouru les quartiers sinistrés." + FR,
        "Jeanne Morel, première adjointe au maire de Castelbrun, appelle à la solidarité." + FR,
    ),
]


@pytest.mark.parametrize("a, b", TWO_POSTS)
def test_one_person_given_two_specific_posts_at_one_body_is_a_warning(checker, a, b):
    got = found(checker, a, b)
    assert ("functional", "warning") in got, got
    assert ("functional", "error") not in got, got  # one person named two ways is never an error


TWO_POSTS_SILENT = [
    # one post named two ways: the head of a plant
    (
        '"A dark day," plant manager Tom Reed told reporters at the gates.' + EN,
        "« Un jour sombre », a déclaré le directeur de l'usine, Tom Reed, devant le site." + FR,
    ),
    # a profession beside a post
    (
        '"We found the fault," Corvane\'s chief engineer Lisa Hardy told reporters.' + EN,
        "Lisa Hardy, an engineer at Corvane, said the fault was found." + EN,
    ),
    # the spokesperson under another name
    (
        '"Drive with care," Corvane spokeswoman Lisa Hardy said in a statement.' + EN,
        "Lisa Hardy, Corvane's press officer, said drivers should take care." + EN,
    ),
    # a former post beside the present one
    (
        '"We found the fault," Corvane\'s chief engineer Lisa Hardy told reporters.' + EN,
        "Lisa Hardy, Corvane's former spokeswoman, said the fault was found." + EN,
    ),
    # two people
    (
        '"We found the fault," Corvane\'s chief engineer Lisa Hardy told reporters.' + EN,
        '"Drive with care," Corvane spokeswoman Nora Quinn said in a statement.' + EN,
    ),
    # two bodies
    (
        "Jeanne Morel, maire de Castelbrun, a parcouru les quartiers sinistrés." + FR,
        "Jeanne Morel, première adjointe au maire de Vallorge, appelle à la solidarité." + FR,
    ),
    # a year of another time still keeps two posts apart
    (
        BRIX + "Ravi Mensah, chief operating officer of Brixton Labs in 2015, spoke." + EN,
        BRIX + "Ravi Mensah, the chief financial officer of Brixton Labs, spoke." + EN,
    ),
]


@pytest.mark.parametrize("a, b", TWO_POSTS_SILENT)
def test_traps_of_two_posts_stay_below_warning(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


def test_deputy_mayor_is_an_office_of_its_own():
    deputy = resolve_role("premiere adjointe au maire", "fr")
    assert deputy is not None and deputy.relation == "role.deputy_mayor"
    en = resolve_role("deputy mayor", "en")
    assert en is not None and en.relation == "role.deputy_mayor"


# -- partner against competitor, each article's own word for a company (an epithet) ------------------
PARTNER_RIVAL = [
    # "its Japanese partner X" (a nationality between) against "son concurrent japonais X"
    (
        "The trial was sponsored by Orvane, which ran it with its Japanese partner Kiyomi Labs." + EN,
        "Le laboratoire Orvane fait la course en tête face à son concurrent japonais Kiyomi Labs." + FR,
    ),
    # "X, Y's cloud partner" against "pressure from rival X"
    (
        "Orvane said it would deepen its work with Strato, Orvane's cloud infrastructure partner." + EN,
        "Orvane also faces growing pressure from rival Strato, which added chat to its platform." + EN,
    ),
]
PARTNER_RIVAL_SILENT = [
    # an article that gives both: partners may also compete
    (
        "Orvane works with Strato, Orvane's cloud partner. Orvane also faces pressure from rival Strato." + EN,
        "Orvane also faces growing pressure from rival Strato, which added chat to its platform." + EN,
    ),
    # a former partner
    (
        "The trial was sponsored by Orvane, which ran it with its former partner Kiyomi Labs." + EN,
        "Le laboratoire Orvane fait la course en tête face à son concurrent japonais Kiyomi Labs." + FR,
    ),
    # two different companies
    (
        "The trial was sponsored by Orvane, which ran it with its Japanese partner Kiyomi Labs." + EN,
        "Le laboratoire Orvane fait la course en tête face à son concurrent japonais Delmar Pharma." + FR,
    ),
    # the nationality before a name is no company of its own
    (
        "Voltane, a subsidiary of Dutch group Nordmark, was fined." + EN,
        "Nordmark is the parent company of Voltane." + EN,
    ),
]


@pytest.mark.parametrize("a, b", PARTNER_RIVAL)
def test_a_partner_against_a_competitor_is_a_warning(checker, a, b):
    got = found(checker, a, b)
    assert ("antonym", "warning") in got, got


@pytest.mark.parametrize("a, b", PARTNER_RIVAL_SILENT)
def test_traps_of_partner_and_competitor_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


def test_a_nationality_before_a_name_leaves_the_name_as_the_argument(checker):
    a = "Voltane, a subsidiary of Dutch group Nordmark, was fined." + EN
    b = "Voltane, a subsidiary of Belgian group Solvar, was fined." + EN
    res = checker.check_texts({"a.txt": a, "b.txt": b})
    messages = [f.message for f in res.findings if f.kind == "relation" and f.explanation["constraint"] == "functional"]
    assert messages and "Nordmark" in messages[0] and "Solvar" in messages[0], messages


@pytest.mark.parametrize(
    "a, b, silent",
    [
        # the place before "-based" is where the named parent sits, not the parent itself
        (
            "Halden Freight, a unit of Oslo-based Fjordline Holding, won the contract." + EN,
            "Halden Freight, filiale du groupe norvégien Fjordline Holding, a remporté le contrat." + FR,
            True,
        ),
        (
            "Kestrel Air, a subsidiary of Lisbon-based Grupo Mareta, cut 200 jobs." + EN,
            "Kestrel Air, a subsidiary of Grupo Mareta, cut 200 jobs." + EN,
            True,
        ),
        # two named parents still disagree
        (
            "Kestrel Air, a subsidiary of Lisbon-based Grupo Mareta, cut 200 jobs." + EN,
            "Kestrel Air, a subsidiary of Madrid-based Iberflota, cut 200 jobs." + EN,
            False,
        ),
    ],
)
def test_a_place_based_before_a_name_leaves_the_name_as_the_parent(checker, a, b, silent):
    res = checker.check_texts({"a.txt": a, "b.txt": b})
    messages = [f.message for f in res.findings if f.kind == "relation" and f.explanation["constraint"] == "functional"]
    if silent:
        assert not messages, messages
    else:
        assert messages and "Mareta" in messages[0] and "Iberflota" in messages[0], messages
        assert "Lisbon" not in messages[0] and "Madrid" not in messages[0], messages


def test_partners_against_a_listed_competitor_stay_compatible(checker):
    """Statements ("are partners", "lists X as a competitor"), not epithets: partners may also compete."""
    a = "Orvane and Strato are partners in cloud." + EN
    b = "Orvane lists Strato as a competitor in its annual report." + EN
    assert not loud(found(checker, a, b)), found(checker, a, b)


# -- a shareholder with nothing named after the title: the story's company ---------------------------
STAKE = [
    (
        "Le vendeur, l'homme d'affaires Paul Girard, actionnaire majoritaire depuis 2012, gardera 10 %." + FR,
        "Le vendeur, Paul Girard, actionnaire minoritaire aux côtés d'autres investisseurs, a parlé." + FR,
    ),
    (
        "The seller, Paul Girard, the majority shareholder since 2012, will keep 10%." + EN,
        "The seller, Paul Girard, a minority shareholder alongside local investors, spoke." + EN,
    ),
]
STAKE_SILENT = [
    # two companies named
    (
        "Paul Girard, actionnaire majoritaire de Valmont, a parlé." + FR,
        "Paul Girard, actionnaire minoritaire de Dorval, a parlé." + FR,
    ),
    (
        "Paul Girard, the majority shareholder of Valmont, spoke." + EN,
        "Paul Girard, a minority shareholder of Dorval, spoke." + EN,
    ),
]


@pytest.mark.parametrize("a, b", STAKE)
def test_majority_against_minority_shareholder_with_no_company_named(checker, a, b):
    assert ("exclusive_shared", "warning") in found(checker, a, b), found(checker, a, b)


@pytest.mark.parametrize("a, b", STAKE_SILENT)
def test_shareholders_of_two_named_companies_stay_silent(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)


def test_a_verb_before_an_article_is_no_part_of_an_office():
    """« a confié le maire de X, Y »: the office is « maire », not « confié le maire »."""
    assert resolve_role("confie le maire", "fr", {"confie": "VERB", "le": "DET", "maire": "NOUN"}) is None
    assert resolve_role("reconnu la prefete", "fr", {"reconnu": "VERB", "la": "DET", "prefete": "NOUN"}) is None
    police = resolve_role("chef de la police", "fr")
    assert police is not None and police.relation == "role.police_chief"
    assert resolve_role("directeur de la course", "fr") is not None


# one post named two ways by its field ("medical"), across a seed ("CTO") and a phrase ("technical director")
ONE_FIELD = [
    (
        "Dr Ada Voss, the hospital's medical director, said beds were short." + EN,
        "Ada Voss, the hospital's chief medical officer, said beds were short." + EN,
    ),
    (
        "Ben Ortega, the technical director of Brixton Labs, spoke." + EN,
        "Ben Ortega, the CTO of Brixton Labs, spoke." + EN,
    ),
    (
        "Ben Ortega, the operations director of Brixton Labs, spoke." + EN,
        "Ben Ortega, the chief operating officer of Brixton Labs, spoke." + EN,
    ),
]


@pytest.mark.parametrize("a, b", ONE_FIELD)
def test_one_post_named_by_its_field_twice_stays_below_warning(checker, a, b):
    assert not loud(found(checker, a, b)), found(checker, a, b)

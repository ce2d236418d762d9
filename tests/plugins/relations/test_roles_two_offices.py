"""One person given two different offices by two articles (``chief executive`` in one, ``chief
nurse`` in the other), the organisation written as a common noun (``the trust's``, ``la société``),
titles between the comma and the name, and the pairs that must stay quiet: offices held together
(``chairman and chief executive``), a founder, a board member, a former holder, two people, two
bodies, a promotion."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, loud, relation_checker

from plugins.relations.roles import resolve_role


def test_offices_joined_by_and_are_all_kept():
    both = resolve_role("chairman and chief executive", "en")
    assert both is not None and both.relation == "role.president" and set(both.also) == {"ceo", "role.president"}
    founder = resolve_role("fondateur et president du conseil de surveillance", "fr")
    assert founder is not None and founder.relation == "role.president"
    assert set(founder.also) == {"role.founder", "role.president"}
    assert resolve_role("happy and proud", "en") is None  # every part must be an office


def test_sub_prefect_and_chief_posts_are_offices():
    sub = resolve_role("sous-prefet", "fr")
    assert sub is not None and sub.relation == "role.sub_prefect"
    nurse = resolve_role("chief nurse", "en")
    assert nurse is not None and nurse.relation == "role.other"


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


def findings(checker, *texts):
    res = checker.check_texts({f"d{i}.txt": t for i, t in enumerate(texts)})
    return [f for f in res.findings if f.kind == "relation"]


def levels(checker, *texts):
    return sorted((f.explanation["constraint"], f.level) for f in findings(checker, *texts))


WARNINGS = [
    # the organisation as a common noun, a title between the comma and the name
    (
        "The company's chief executive, Dr Anna Berg, said the plan would work." + EN,
        "Anna Berg, the company's chief financial officer, told reporters it would." + EN,
    ),
    (
        "The trust's chief executive, Dr Anna Berg, said patients came first." + EN,
        "Anna Berg, the trust's chief nurse, told reporters patients came first." + EN,
    ),
    # the organisation named
    (
        "Kestrel's chief executive, Tom Hale, said the plan would work." + EN,
        "Tom Hale, the chief financial officer of Kestrel, said it would." + EN,
    ),
    (
        "Le directeur général de la société, M. Paul Roux, a parlé." + FR,
        "Paul Roux, directeur financier du groupe, a parlé." + FR,
    ),
    ("Le préfet du Gard, Jean Dupont, a parlé." + FR, "Jean Dupont, maire du Gard, a parlé." + FR),
]


@pytest.mark.parametrize("a, b", WARNINGS)
def test_one_person_with_two_offices_of_one_family_is_a_warning(checker, a, b):
    got = levels(checker, a, b)
    assert ("functional", "warning") in got, got


def test_the_reason_names_both_offices_and_both_quotes_in_both_languages(checker):
    a = "Kestrel's chief executive, Tom Hale, said the plan would work." + EN
    b = "Tom Hale, the chief financial officer of Kestrel, said it would." + EN
    (f,) = [f for f in findings(checker, a, b) if f.explanation["constraint"] == "functional"]
    reason = f.explanation["reason"]
    assert "chief executive" in reason and "chief financial officer" in reason
    assert "Kestrel's chief executive, Tom Hale" in reason and "Tom Hale, the chief financial officer" in reason
    fr_a = "Le directeur général de la société, M. Paul Roux, a parlé." + FR
    fr_b = "Paul Roux, directeur financier du groupe, a parlé." + FR
    (g,) = [f for f in findings(checker, fr_a, fr_b) if f.explanation["constraint"] == "functional"]
    assert "deux fonctions différentes" in g.explanation["reason"]
    assert "directeur général" in g.explanation["reason"] and "directeur financier" in g.explanation["reason"]
    assert "(société)" in g.explanation["reason"] or "(groupe)" in g.explanation["reason"]  # the article's own word


SUGGESTIONS = [
    # chairman and chief executive are often one person: worth a look, no more
    (
        '"A sad day," Chief Executive Laurent Roux said in a statement about the airline.' + EN,
        "« Un triste jour », a réagi le fondateur et président du conseil de surveillance, Laurent Roux." + FR,
    ),
    # a prefect of one département, a sub-prefect of a town
    ("Le préfet du Gard, Jean Dupont, a parlé." + FR, "Le sous-préfet d'Alès, Jean Dupont, a parlé." + FR),
]


@pytest.mark.parametrize("a, b", SUGGESTIONS)
def test_offices_one_person_may_hold_together_are_a_suggestion(checker, a, b):
    got = levels(checker, a, b)
    assert ("functional", "suggestion") in got and not loud(got), got


SILENT = [
    # one article gives the person both offices
    (
        "Tom Hale, chairman and chief executive of Kestrel, said the plan would work." + EN,
        "Tom Hale, Kestrel's chief executive, said it would." + EN,
    ),
    (
        "Tom Hale, Kestrel's chief executive, said the plan would work. Tom Hale is also the chairman of Kestrel." + EN,
        "Tom Hale, the chairman of Kestrel, said it would." + EN,
    ),
    # a founder, a board member: beside any office
    ("Tom Hale, the founder of Kestrel, spoke." + EN, "Tom Hale, Kestrel's chief executive, spoke." + EN),
    ("Tom Hale, a board member of Kestrel, spoke." + EN, "Tom Hale, Kestrel's chair, spoke." + EN),
    # a former holder
    ("Tom Hale, the former CFO of Kestrel, spoke." + EN, "Tom Hale, Kestrel's chief executive, spoke." + EN),
    # one person under two names, one office
    ("Donald Trump, the president of Valmont, spoke." + EN, "Trump, the president of Valmont, replied." + EN),
    # two people
    (
        "Anna Berg, Kestrel's chief executive, spoke." + EN,
        "Tom Hale, the chief financial officer of Kestrel, spoke." + EN,
    ),
    # two bodies: named, or two kinds of body written as common nouns
    (
        "Tom Hale, the chief executive of Kestrel, spoke." + EN,
        "Tom Hale, the chief financial officer of Valmont, spoke." + EN,
    ),
    (
        "Grace Okafor, the union's chief executive, spoke." + EN,
        "Grace Okafor, the trust's chief nurse, spoke." + EN,
    ),
    # a promotion: the sentence moves the person from one office to the other
    (
        "Claire Fontaine, directrice financière d'Ardelis, devient directrice générale." + FR,
        "Claire Fontaine, directrice générale d'Ardelis, a parlé." + FR,
    ),
    # a stated year: another time
    (
        "Claire Fontaine, directrice générale d'Ardelis à partir de 2026, a parlé." + FR,
        "Claire Fontaine, directrice financière d'Ardelis, a parlé." + FR,
    ),
    # one office in two languages, read as two unknown phrases
    (
        "La directrice régionale de Valmont, Claire Morin, s'est rendue sur place." + FR,
        "Claire Morin, regional director of Valmont, visited the site." + EN,
    ),
    # the chief executive under other names
    ("Tom Hale, Kestrel's chief exec, spoke." + EN, "Tom Hale, Kestrel's chief executive, spoke." + EN),
    ("Tom Hale, Kestrel's group chief executive, spoke." + EN, "Tom Hale, the CEO of Kestrel, spoke." + EN),
    # as vague as "boss"
    ("Tom Hale, the boss of Kestrel, spoke." + EN, "Tom Hale, Kestrel's chief executive, spoke." + EN),
]


@pytest.mark.parametrize("a, b", SILENT)
def test_offices_that_can_both_be_true_are_silent(checker, a, b):
    got = [x for x in levels(checker, a, b) if x[0] == "functional"]
    assert got == [], got


def test_a_common_noun_before_a_name_is_no_organisation_of_its_own(checker):
    """``président du groupe Ardelis``: the body is Ardelis, not the article's main subject."""
    a = "Jean Dupont, président du groupe Ardelis, a parlé." + FR
    b = "Jean Dupont, directeur financier de Valmont, a parlé." + FR
    assert [x for x in levels(checker, a, b) if x[0] == "functional"] == []


def test_an_acting_chief_executive_may_be_the_finance_chief(checker):
    a = "Anna Berg, Kestrel's acting chief executive, said the plan would work." + EN
    b = "Anna Berg, the chief financial officer of Kestrel, said it would." + EN
    assert [x for x in levels(checker, a, b) if x[0] == "functional"] == []


def test_the_company_of_two_articles_about_two_companies_is_no_sure_body(checker):
    """Two people each called "the company's chief executive", in articles whose main subjects differ
    (an acquisition: the buyer's chief and the target's): a suggestion at most."""
    a = (
        "Kestrel bought a rival. Kestrel paid cash. Kestrel will grow."
        " The company's chief executive, Anna Berg, said the deal made sense." + EN
    )
    b = (
        "Valmont was sold. Valmont had debts. Valmont will close a plant."
        " The company's chief executive, Tom Hale, said the deal made sense." + EN
    )
    assert loud(levels(checker, a, b)) == []
    same = a.replace("The company's chief executive, Anna Berg", "The company's chief executive, Tom Hale")
    got = levels(checker, a, same.replace("Tom Hale", "Paul Green"))
    assert ("functional", "warning") in got, got  # one main subject: two holders of one office


def test_each_of_two_joined_offices_has_its_one_holder(checker):
    a = "Tom Hale, chairman and chief executive of Kestrel, said the plan would work." + EN
    b = "Anna Berg, Kestrel's chief executive, said it would." + EN
    got = levels(checker, a, b)
    assert ("functional", "error") in got or ("functional", "warning") in got, got


def test_a_role_set_off_by_commas_after_a_verb_is_read(checker):
    a = "« Non », a réagi le fondateur et président du conseil de surveillance, Paul Roux." + FR
    b = "« Oui », a réagi le directeur financier, Paul Roux." + FR
    assert ("functional", "suggestion") in levels(checker, a, b)

"""General roles, more constructions (issue 13, items 3-4): names that swallowed their title,
the organisation's title before the name, leaving an office, asides in brackets, successions
(outgoing / new holder), other eras named beside the organisation, appointments, and a role with
no organisation named that takes the one its holder is given in another article."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, loud, relation_checker

from checker.model import EntityMention
from plugins.relations.roles import resolve_role, split_titled, succession_time


def _mention(text: str) -> EntityMention:
    return EntityMention(id=text.lower(), text=text, start=10, end=10 + len(text))


@pytest.mark.parametrize(
    "text, parts",
    [
        ("Kestrel CEO Anna Berg", [("Kestrel", "kestrel", ""), ("Anna Berg", "anna berg", "PER")]),
        ("Springfield Mayor Paul Martin", [("Springfield", "springfield", ""), ("Paul Martin", "paul martin", "PER")]),
        ("PDG d'Ardelis", [("Ardelis", "ardelis", "")]),
        ("Bruno Le Maire", [("Bruno Le Maire", "bruno le maire", "")]),  # a name, not "Bruno Le" + mayor
        ("Ardelis", [("Ardelis", "ardelis", "")]),
    ],
)
def test_a_name_that_swallowed_a_title_is_split_around_it(text, parts):
    got = split_titled([_mention(text)])
    assert [(m.text, m.id, m.label) for m in got] == parts
    for m in got:  # offsets stay those of the document
        assert text[m.start - 10 : m.end - 10] == m.text


def test_the_kind_of_body_is_no_complement_of_the_office():
    assert resolve_role("maire de la ville", "fr").complement is None
    assert resolve_role("maire de la ville", "fr").of_phrase
    assert resolve_role("presidente de la region", "fr").complement == "region"
    assert not resolve_role("maire", "fr").of_phrase


def test_succession_words():
    assert succession_time(["maire", "sortant"]) == "outgoing"
    assert succession_time(["the", "incoming", "ceo"]) == "new"
    assert succession_time(["le", "maire"]) is None
    assert resolve_role("incoming ceo", "en").time == "new"


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


CONFLICTS = [
    # the recogniser read organisation, title and holder as one name
    ("Le PDG d'Ardelis, Marc Delorme, a parlé." + FR, "Claire Fontaine, PDG d'Ardelis, a parlé." + FR),
    ("Marc Delorme, PDG d'Ardelis, a parlé." + FR, "Ardelis CEO Claire Fontaine spoke to reporters." + EN),
    ("Tom Hale, Kestrel's chief executive, said the plan would work." + EN, "Kestrel CEO Anna Berg said it." + EN),
    # the organisation's title, then the name between commas
    (
        "Kestrel's new chief executive, Tom Hale, said it would work." + EN,
        "Anna Berg, the CEO of Kestrel, said it." + EN,
    ),
    # the body named with its kind: "la région Occitanie"
    (
        "La présidente de la région Occitanie, Carole Delga, a parlé." + FR,
        "Le président de la région Occitanie, Jean Martin, a parlé." + FR,
    ),
    # an aside in brackets inside the role
    (
        "Jean Dupont, maire (LR) de Nîmes, a inauguré le pont." + FR,
        "Paul Roux, maire de Nîmes, a inauguré le pont." + FR,
    ),
    # leaving the office
    ("Tom Hale stepped down as CEO of Kestrel." + EN, "Tom Hale, CEO of Kestrel, said the plan would work." + EN),
    ("Jean Dupont a quitté la présidence d'Ardelis." + FR, "Jean Dupont, président d'Ardelis, a parlé." + FR),
    (
        "Jean Dupont a démissionné de son poste de maire de Nîmes." + FR,
        "Jean Dupont, maire de Nîmes, a inauguré le pont." + FR,
    ),
    ("Tom Hale is no longer chief executive of Kestrel." + EN, "Kestrel CEO Tom Hale said the plan would work." + EN),
    # "à la tête de"
    ("Marc Delorme, à la tête d'Ardelis, a parlé." + FR, "Claire Fontaine, PDG d'Ardelis, a parlé." + FR),
    # an appointment says who holds the office now
    ("Tom Hale was named chief executive of Kestrel in March." + EN, "Anna Berg, the CEO of Kestrel, said it." + EN),
]


@pytest.mark.parametrize("a, b", CONFLICTS)
def test_more_constructions_give_a_conflict(checker, a, b):
    assert loud(found(checker, a, b)), found(checker, a, b)


SILENT = [
    # the outgoing holder and the new one
    ("Jean Dupont, le nouveau maire de Nîmes, a parlé." + FR, "Paul Roux, maire sortant de Nîmes, a parlé." + FR),
    (
        "Tom Hale, the outgoing chief executive of Kestrel, spoke." + EN,
        "Anna Berg, the incoming CEO of Kestrel, spoke." + EN,
    ),
    # a predecessor, though the town is named
    ("Son prédécesseur, Jean Dupont, maire de Nîmes, avait signé." + FR, "Paul Roux, maire de Nîmes, a parlé." + FR),
    # "maire de la ville de Nîmes" is "maire de Nîmes"; one person under two names
    ("Paul Roux, maire de la ville de Nîmes, a parlé." + FR, "Roux, le maire de Nîmes, a parlé." + FR),
    # an election of another year stays in its year
    ("Paul Martin was elected mayor of Springfield in 2010." + EN, "Anna Ross is the mayor of Springfield." + EN),
    # "le directeur Ardelis" is no office of Ardelis: the name must follow what the office is of
    ("Paul Roux, directeur Ardelis, a parlé." + FR, "Anne Vidal, directrice générale d'Ardelis, a parlé." + FR),
    ("Jane Smith, vice president of Kestrel, spoke." + EN, "Mary Jones, president of Kestrel, spoke." + EN),
    ("Jane Smith, adjointe au maire de Nîmes, a parlé." + FR, "Marie Durand, maire de Nîmes, a parlé." + FR),
]


@pytest.mark.parametrize("a, b", SILENT)
def test_must_stay_silent(checker, a, b):
    assert loud(found(checker, a, b)) == []


def test_a_role_with_no_organisation_takes_the_one_its_holder_is_given_elsewhere(checker):
    a = "La préfète de la Drôme, Hélène Castaing, doit valider la procédure." + FR
    b = "La préfète Hélène Castaing a jusqu'à la fin du mois pour se prononcer." + FR
    c = "Le préfet de la Drôme, Thierry Vasseur, a validé lundi l'attribution." + FR
    got = found(checker, b, c)
    assert got == [("functional", "suggestion")] or loud(got) == [], got  # alone: a guess at most
    res = checker.check_texts({"a.txt": a, "b.txt": b, "c.txt": c})
    pairs = {
        tuple(sorted(e.doc_id for e in f.evidence))
        for f in res.findings
        if f.kind == "relation" and f.level in ("warning", "error")
    }
    assert ("b.txt", "c.txt") in pairs, pairs  # b's prefect is the Drôme's: a conflict with c
    assert ("a.txt", "b.txt") not in pairs  # one person under two mentions


def test_a_holder_given_two_organisations_resolves_none(checker):
    a = "Paul Martin, maire de Villeneuve, a parlé." + FR + " Paul Martin, maire de Castelnau, a répondu."
    b = "Le maire Paul Martin a inauguré le pont." + FR
    c = "Anne Roux, maire de Villeneuve, a parlé." + FR
    res = checker.check_texts({"a.txt": a, "b.txt": b, "c.txt": c})
    pairs = {
        tuple(sorted(e.doc_id for e in f.evidence))
        for f in res.findings
        if f.kind == "relation" and f.level in ("warning", "error")
    }
    assert ("b.txt", "c.txt") not in pairs, pairs

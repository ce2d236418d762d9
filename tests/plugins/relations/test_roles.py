"""General role relations (mayor, governor, manager, president...) and the entity behaviour
they rely on: accent/case-insensitive ids of undeclared names, lone surnames that resolve to a
person only in a person context, titles that are not part of names."""

from __future__ import annotations

import pytest
from helpers.entities import annotate, make_annotator

from checker.run.pipeline import Checker
from plugins.entities.ruletype import entity_id


# -- entities (fast) ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def annotator(tmp_path_factory):
    rules = "id: t.ent\nextends: entities\nentities:\n  - id: Microsoft\n    label: ORG\n"
    return make_annotator(rules, tmp_path_factory.mktemp("rules"))


def mentions(doc):
    return [(m.text, m.id) for s in doc.sentences for m in s.entities]


def test_entity_id_ignores_accents_case_and_punctuation():
    assert entity_id("Orphéa") == entity_id("ORPHEA") == entity_id("Orphea")
    assert entity_id("Saint-Aubin-sur-Marne") == entity_id("Saint Aubin sur Marne")
    assert entity_id("Orphéa") != entity_id("Orphée")


def test_undeclared_names_share_ids_across_languages_and_keep_their_spelling(annotator):
    fr = annotate(annotator, "« C'est une avancée », a déclaré Nathalie Roussel, directrice générale d'Orphéa.")
    en = annotate(annotator, "The French biotech Orphea presented its results.", lang="en")
    fr_ids = {i for t, i in mentions(fr) if t == "Orphéa"}
    en_ids = {i for t, i in mentions(en) if t == "Orphea"}
    assert fr_ids and fr_ids == en_ids
    (oid,) = fr_ids
    assert fr.sentences[0].annotations["entity_names"][oid] == "Orphéa"
    assert en.sentences[0].annotations["entity_names"][oid] == "Orphea"


def test_surname_used_as_a_company_is_not_the_founder(annotator):
    doc = annotate(
        annotator,
        "La société Darcel a été fondée par Marcel Darcel en 1926. "
        "L'enseigne Darcel a été placée en liquidation. Arnaud Lefort, PDG de Darcel, a parlé.",
    )
    darcel = [i for t, i in mentions(doc) if t == "Darcel"]
    assert darcel and all(i == entity_id("Darcel") for i in darcel)


def test_surname_in_a_person_context_resolves_to_the_full_name(annotator):
    doc = annotate(annotator, "Paul Kendrick a pris la tête du club en juin. Kendrick a déclaré que tout allait bien.")
    assert [i for t, i in mentions(doc) if t == "Kendrick"] == [entity_id("Paul Kendrick")]
    en = annotate(
        annotator, "Paul Kendrick replaced Glen Ashworth in June. Ashworth told reporters he was sad.", lang="en"
    )
    assert [i for t, i in mentions(en) if t == "Ashworth"] == [entity_id("Glen Ashworth")]


def test_title_is_not_part_of_the_name(annotator):
    doc = annotate(annotator, "Governor Maria Okafor flew over the districts.", lang="en")
    got = [m for s in doc.sentences for m in s.entities]
    assert [(m.text, m.id, m.label) for m in got] == [("Maria Okafor", "maria okafor", "PER")]


# -- role relations end to end -----------------------------------------------------------
@pytest.fixture(scope="module")
def checker():
    c = Checker(only_types={"relation"})
    assert not [e for e in c.errors if e.kind == "rule"], c.errors
    return c


def run(checker, *texts, langs=None):
    res = checker.check_texts({f"d{i}.txt": t for i, t in enumerate(texts)})
    return [f for f in res.findings if f.kind == "relation"]


def test_two_mayors_of_one_town_conflict(checker):
    fs = run(
        checker,
        "Bernard Lecoq, le maire de Saint-Aubin-sur-Marne, a perdu.",
        "Henri Vasseur est le maire de Saint-Aubin-sur-Marne.",
    )
    assert [(f.explanation["constraint"], f.rule_id) for f in fs] == [("functional", "fr.relation.role-mayor")]
    assert "Saint-Aubin-sur-Marne" in fs[0].message  # the article's spelling, not the folded id


def test_mayors_of_different_towns_and_former_mayors_do_not_conflict(checker):
    assert (
        run(checker, "Bernard Lecoq, maire de Villeneuve, a perdu.", "Henri Vasseur, maire de Fontenay, a gagné.") == []
    )
    assert (
        run(checker, "Bernard Lecoq est le maire de Villeneuve.", "Henri Vasseur, ancien maire de Villeneuve, a gagné.")
        == []
    )


def test_no_longer_in_a_relative_clause(checker):
    fs = run(
        checker,
        "Bernard Lecoq, maire de Villeneuve, a parlé.",
        "Bernard Lecoq, qui n'est plus maire de Villeneuve depuis 2020, a parlé.",
    )
    assert [f.explanation["constraint"] for f in fs] == ["polarity"]


def test_role_across_languages(checker):
    fs = run(
        checker, "Bernard Lecoq, maire de Villeneuve, a parlé.", "Anna Ross is the mayor of Villeneuve, officials said."
    )
    assert [f.explanation["constraint"] for f in fs] == ["functional"]


def test_succession_says_the_predecessor_no_longer_holds_the_role(checker):
    fs = run(
        checker,
        "Northbridge manager Glen Ashworth said the deal was done.",
        "Paul Kendrick, who replaced Glen Ashworth as Northbridge manager in June, spoke.",
    )
    assert fs and {f.explanation["constraint"] for f in fs} <= {"polarity", "functional"}
    assert any(f.explanation["constraint"] == "polarity" for f in fs)


def test_roles_without_a_named_place_compare_only_with_each_other(checker):
    fs = run(
        checker,
        "Governor Alan Prewitt declared a state of emergency.",
        "Governor Maria Okafor flew over the districts.",
    )
    # no place named on either side: at most a warning (it may be another time or place)
    assert [(f.explanation["constraint"], f.level) for f in fs] == [("functional", "warning")]
    # a named place on one side: nothing to compare
    assert (
        run(
            checker,
            "Governor Alan Prewitt declared a state of emergency.",
            "Maria Okafor, the governor of Florida, flew over the districts.",
        )
        == []
    )
    # "Northbridge manager X" names its club: no implicit claim beside it
    assert run(checker, "Northbridge manager Glen Ashworth spoke.", "Castlebrook manager Paul Kendrick spoke.") == []


def test_ceo_is_reported_once_per_pair_of_sentences(checker):
    fs = run(
        checker,
        "Arnaud Lefort, PDG de Darcel, a promis de se battre.",
        "Arnaud Lefort n'est plus PDG de Darcel depuis l'été 2024.",
    )
    assert len(fs) == 1 and fs[0].explanation["constraint"] == "polarity"


def test_unrelated_year_of_the_sentence_does_not_block_the_comparison(checker):
    fs = run(
        checker,
        "Nathalie Roussel, directrice générale d'Orphéa, vise 2027.",
        "Orphea chief executive Didier Campan said it would file by the end of 2025.",
    )
    assert [f.explanation["constraint"] for f in fs] == ["functional"]


def test_implicit_role_needs_a_bare_title(checker):
    # "general manager", "sales manager": other roles, not a team's manager
    assert (
        run(checker, "The general manager John Smith said sales grew.", "The sales manager Jane Doe said sales grew.")
        == []
    )
    fs = run(checker, "Le maire sortant Bernard Lecoq a perdu.", "Le maire sortant Henri Vasseur a perdu.")
    assert [f.explanation["constraint"] for f in fs] == ["functional"]


def test_an_outgoing_holder_and_any_other_holder_are_successive():
    # "le maire sortant, Gordon Pruitt" against "Dana Whitcombe was elected mayor": the one
    # leaving and the one coming; two outgoing holders of one office still conflict
    from plugins.relations.constraints import successive

    assert successive({"role_time": "outgoing"}, {"role_time": None})
    assert successive({"role_time": None}, {"role_time": "outgoing"})
    assert successive({"role_time": "outgoing"}, {"role_time": "new"})
    assert not successive({"role_time": "outgoing"}, {"role_time": "outgoing"})
    assert not successive({"role_time": None}, {"role_time": "new"})

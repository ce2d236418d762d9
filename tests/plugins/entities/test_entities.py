"""Unit tests of the ``entities`` annotator (canonical ids, aliases, context, NER normalisation)."""

from __future__ import annotations

import pytest
from helpers.entities import annotate, make_annotator

from checker.rules import load_rules
from plugins.entities.ruletype import EntitiesRuleType, clean_name
from plugins.entities.textnorm import fold, key

RULES = """
id: t.entities
extends: entities
entities:
  - id: Microsoft
    label: ORG
    names: [Microsoft Corp]
    aliases: [la firme de Redmond, le géant du logiciel, the Redmond giant]
  - id: OpenAI
    label: ORG
    contextual: [la start-up, la jeune pousse]
  - id: Inflection AI
    label: ORG
    contextual: [la start-up]
  - id: Apple
    label: ORG
  - id: Sam Altman
    label: PER
"""


@pytest.fixture(scope="module")
def annotator(tmp_path_factory):
    return make_annotator(RULES, tmp_path_factory.mktemp("rules"))


def ids(doc):
    return [[(m.id, m.source) for m in s.entities] for s in doc.sentences]


def test_fold_keeps_length_and_unifies():
    s = "L’Élysée — déjà"
    assert len(fold(s)) == len(s)
    assert fold(s) == "l'elysee - deja"
    assert key("Start-up") == key("start up") == key("startup")


def test_fold_by_table_is_the_character_by_character_fold():
    """``fold`` maps each character through a table filled on first sight: the same text as
    folding character by character, for every character of the Basic Multilingual Plane."""
    from plugins.entities.textnorm import _fold_char

    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000] + ["\U0001d400", "\U0001f600"]
    text = "".join(chars)
    assert fold(text) == "".join(_fold_char(c) for c in chars)
    assert fold(text) == fold(text)  # the second time from the filled table
    assert fold("") == ""


def test_clean_name_strips_articles_suffixes_possessive():
    for raw, want in [
        ("d’OpenAI", "OpenAI"),
        ("Microsoft Corp.", "Microsoft"),
        ("OpenAI's", "OpenAI"),
        ("l'OpenAI", "OpenAI"),
        ("Apple Inc.", "Apple"),
    ]:
        s, e = clean_name(raw)
        assert raw[s:e] == want


def test_alias_case_accent_apostrophe_insensitive(annotator):
    doc = annotate(annotator, "Hier, LA FIRME DE REDMOND a parlé. Le geant du logiciel a répondu.")
    got = [m for s in doc.sentences for m in s.entities]
    assert [(m.id, m.source) for m in got] == [("Microsoft", "alias"), ("Microsoft", "alias")]
    # offsets are document offsets
    assert doc.text[got[0].start : got[0].end] == "FIRME DE REDMOND"


def test_alias_needs_definite_determiner(annotator):
    doc = annotate(annotator, "Un géant du logiciel européen a été racheté.")
    assert all(m.id != "Microsoft" for s in doc.sentences for m in s.entities)


def test_name_variants_resolve_to_canonical(annotator):
    doc = annotate(annotator, "Microsoft Corp. a investi dans l’entreprise d’Apple. Les pommes (apple) sont bonnes.")
    found = [m.id for s in doc.sentences for m in s.entities]
    assert found.count("Microsoft") == 1 and found.count("Apple") == 1


def test_contextual_alias_needs_context(annotator):
    doc = annotate(annotator, "La start-up a levé des fonds.")
    assert ids(doc) == [[]]
    doc = annotate(annotator, "Microsoft a parlé d'OpenAI. Elle a investi dans la start-up.")
    assert ("OpenAI", "alias") in ids(doc)[1]


def test_contextual_alias_picks_most_recent_candidate(annotator):
    doc = annotate(
        annotator, "OpenAI a sorti un modèle. Microsoft a recruté chez Inflection AI. La start-up a protesté."
    )
    assert ids(doc)[2] == [("Inflection AI", "alias")]


def test_contextual_alias_window(annotator):
    doc = annotate(annotator, "OpenAI a sorti un modèle. Il pleut. Il neige. Il vente. La start-up a protesté.")
    assert ids(doc)[4] == []


def test_surname_resolves_to_full_name(annotator):
    doc = annotate(annotator, "Sam Altman a parlé. Plus tard, Altman a démissionné.")
    assert [m.id for s in doc.sentences for m in s.entities if m.label == "PER"] == ["Sam Altman", "Sam Altman"]


def test_english_without_ner_finds_names_and_aliases(annotator):
    doc = annotate(annotator, "The Redmond giant said Oracle Cloud hosts models. Microsoft agreed.", lang="en")
    got = [m.id for s in doc.sentences for m in s.entities]
    assert got == ["Microsoft", "oracle cloud", "Microsoft"]
    # the undeclared name keeps the article's spelling for display
    assert doc.sentences[0].annotations["entity_names"]["oracle cloud"] == "Oracle Cloud"


def test_english_without_ner_takes_no_calendar_word_for_a_name(annotator):
    # a weekday is never a name, nor a month alone; a month inside a name stays
    text = "The council on Tuesday approved the plan. In March, Theresa May met Oracle Cloud staff on Monday night."
    doc = annotate(annotator, text, lang="en")
    got = [m.id for s in doc.sentences for m in s.entities]
    assert got == ["theresa may", "oracle cloud"]


def test_bad_alias_pattern_is_reported(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: bad\nextends: entities\nentities:\n  - id: X\n    aliases: [{pattern: '(unclosed'}]\n", encoding="utf-8"
    )
    rs = load_rules([path], {"entities": EntitiesRuleType})
    (err,) = rs.errors  # refused when the rule is loaded (``rules validate`` too), with its line
    assert err.path == str(path) and err.line == 5 and "invalid regular expression" in err.message
    assert rs.by_type("entities") == []


@pytest.mark.parametrize("pattern", ["(a+)+$", "(\\\\w+\\\\s?)*x", "(?:la (firme|société)+ )*"])
def test_alias_patterns_with_nested_quantifiers_are_refused_at_load_time(tmp_path, pattern):
    path = tmp_path / "slow.yaml"
    path.write_text(
        f"id: slow\nextends: entities\nentities:\n  - id: X\n    names: [X]\n    aliases:\n"
        f'      - la firme\n      - {{pattern: "{pattern}"}}\n',
        encoding="utf-8",
    )
    rs = load_rules([path], {"entities": EntitiesRuleType})
    (err,) = rs.errors
    assert err.path == str(path) and err.line == 8 and "nested quantifiers" in err.message


def test_an_alias_pattern_that_runs_too_long_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    import plugins.entities.ruletype as ruletype

    monkeypatch.setattr(ruletype, "MATCH_TIMEOUT", 0.05)
    annotator = make_annotator(
        "id: slow\nextends: entities\nentities:\n  - id: Acme\n    names: [Acme]\n"
        "    aliases: [{pattern: '(a|aa)+$'}]\n",  # no nested quantifier, still exponential
        tmp_path,
    )
    doc = annotate(annotator, "Acme a parlé. " + "a" * 40 + "b. Acme a conclu.")
    inst, ctx = annotator
    assert [m.id for s in doc.sentences for m in s.entities] == ["Acme", "Acme"]
    (err,) = ctx.errors
    assert err.kind == "rule" and err.path == str(tmp_path / "entities.yaml") and err.line == 1
    assert "alias pattern '(a|aa)+$' took over 0.05 s" in err.message and "t.fr.txt" in err.message


def test_english_without_ner_takes_no_level_adjective_for_a_name(annotator):
    # "Regional president X": an adjective that starts the sentence; "National Grid": a name
    text = "Regional president Yann Prigent spoke. National Grid said it would pay."
    doc = annotate(annotator, text, lang="en")
    got = [m.id for s in doc.sentences for m in s.entities]
    assert got == ["yann prigent", "national grid"]


def test_english_without_ner_keeps_a_hyphenated_first_name_whole(annotator):
    # "Marc-André": one first name; "north-east" (lower case) and "Kent - Sussex" (spaced) are not
    text = "Marc-André Gélinas met Anne-Laure Kervella. Kent - Sussex trains were late."
    doc = annotate(annotator, text, lang="en")
    got = [m.id for s in doc.sentences for m in s.entities]
    assert got[:2] == ["marc andre gelinas", "anne laure kervella"]
    assert "kent sussex" not in got

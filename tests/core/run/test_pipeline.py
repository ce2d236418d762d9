"""Pipeline behaviour independent of any particular rule type."""

from __future__ import annotations

import pytest
from helpers import fakeplugin

from checker.context import Options
from checker.plugins import PluginHost
from checker.run.pipeline import Checker

LONG_FR = (
    "Microsoft et OpenAI négocient un nouvel accord depuis plusieurs mois. Les deux entreprises veulent "
    "préserver leur collaboration au-delà de la date prévue. Le géant de Redmond a investi des milliards "
    "de dollars dans la start-up, qui développe ChatGPT et d'autres modèles de langage très utilisés."
)


@pytest.fixture(scope="module")
def bare_checker():
    host = PluginHost()
    host.register(fakeplugin, "fake")
    host.collect()
    return Checker(host=host, builtin_rules=False)


def test_short_document_takes_the_corpus_language(bare_checker):
    result = bare_checker.check_texts({"long.txt": LONG_FR, "short.txt": "Microsoft est un concurrent d'OpenAI."})
    assert {d.id: d.language for d in result.documents} == {"long.txt": "fr", "short.txt": "fr"}


def test_default_language_for_short_texts_alone():
    host = PluginHost()
    host.collect()
    checker = Checker(host=host, builtin_rules=False, options=Options(default_language="fr"))
    result = checker.check_texts(
        {"a.txt": "Microsoft est un concurrent d'OpenAI.", "b.txt": "Sam Altman est le CEO d'OpenAI."}
    )
    assert [d.language for d in result.documents] == ["fr", "fr"]


def test_confident_english_document_keeps_its_language(bare_checker):
    en = "Microsoft has invested more than thirteen billion dollars in the company that makes ChatGPT, according to filings."
    result = bare_checker.check_texts({"long.txt": LONG_FR, "en.txt": en})
    assert {d.id: d.language for d in result.documents}["en.txt"] == "en"


def test_duplicate_ids_are_checked_once(bare_checker):
    from checker.text.load import make_document

    docs = [make_document(LONG_FR, "a.txt"), make_document(LONG_FR, "a.txt")]
    result = bare_checker.run(docs)
    assert len(result.documents) == 1
    assert any("given twice" in e.message for e in result.errors)


def test_a_single_article_gets_a_notice_not_an_error(bare_checker):
    result = bare_checker.check_texts({"only.txt": LONG_FR})
    assert [(e.kind, e.path) for e in result.errors] == [("notice", "only.txt")]
    assert "nothing to compare" in result.errors[0].message


def test_entity_key_meets_declared_and_folded_ids():
    from checker.model import entity_key

    assert entity_key("Microsoft") == entity_key("microsoft") == "microsoft"
    assert entity_key("Orphéa") == entity_key("ORPHEA") == "orphea"
    assert entity_key("Saint-Aubin-sur-Marne") == "saint aubin sur marne"

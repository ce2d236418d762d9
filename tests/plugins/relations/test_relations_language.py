"""Relation findings speak their articles' language (issue 15 item 1): the reason names the
rule's label and the articles' names in the finding's language, the default message too; a
rule's own ``message:`` keeps its language; ``lang`` overrides."""

from __future__ import annotations

from checker.context import Options
from checker.run.pipeline import Checker

FR_EXCL = "Microsoft bénéficie d'un accès exclusif à la technologie d'OpenAI."
FR_PRIV = "Microsoft bénéficie d'un accès privilégié à la technologie d'OpenAI."
EN_EXCL = "Valmont has exclusive access to the patents of Dorval."
EN_PRIV = "Valmont has privileged access to the patents of Dorval."


def run(texts, *, lang=None, strip_messages=False):
    checker = Checker(only_types=["relation", "entities"], options=Options(use_cache=False, embedder="none", lang=lang))
    if strip_messages:  # the rule type's own wording
        for rule in checker.ruleset.rules:
            rule.message = ""
    fs = [f for f in checker.check_texts(texts).findings if f.kind == "relation"]
    assert fs
    return fs[0]


def test_a_french_pair_speaks_french():
    f = run({"a.txt": FR_EXCL, "b.txt": FR_PRIV})
    assert f.message.startswith("Exclusivité divergente : "), f.message
    reason = f.explanation["reason"]
    assert "exclusif selon un article" in reason and "Microsoft" in reason and "OpenAI" in reason, reason
    assert "exclusive_rights" not in reason and " the " not in reason


def test_an_english_pair_speaks_english():
    f = run({"a.txt": EN_EXCL, "b.txt": EN_PRIV})
    assert f.message.startswith("Different exclusivity: "), f.message
    reason = f.explanation["reason"]
    assert "is called exclusive in one article" in reason and "Valmont — rights" in reason, reason
    assert "exclusive_rights" not in reason


def test_the_default_message_speaks_the_articles_language():
    fr = run({"a.txt": FR_EXCL, "b.txt": FR_PRIV}, strip_messages=True)
    assert fr.message.startswith("Relations incompatibles (exclusive ou partagée) : "), fr.message
    en = run({"a.txt": EN_EXCL, "b.txt": EN_PRIV}, strip_messages=True)
    assert en.message.startswith("Incompatible relations (exclusive or shared): "), en.message


def test_lang_overrides_the_reason_and_default_message():
    f = run({"a.txt": FR_EXCL, "b.txt": FR_PRIV}, lang="en", strip_messages=True)
    assert f.message.startswith("Incompatible relations (exclusive or shared): "), f.message
    assert "(privilégié, non exclusif)" in f.message  # the rule's labels are its author's words
    assert "is called exclusive in one article" in f.explanation["reason"]
    kept = run({"a.txt": FR_EXCL, "b.txt": FR_PRIV}, lang="en")
    assert kept.message.startswith("Exclusivité divergente : ")  # the rule's own template stays French
    assert "is called exclusive in one article" in kept.explanation["reason"]

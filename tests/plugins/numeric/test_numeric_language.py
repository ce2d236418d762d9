"""Numeric findings speak their articles' language (issue 15 item 1): French articles get a
French message and reason with French-formatted values, English ones English; a mixed pair
the first article's (the draft's in draft mode); ``lang`` overrides."""

from __future__ import annotations

import pytest

from checker.context import Options
from checker.run.pipeline import Checker

FR_A = "Microsoft a investi 13,75 milliards de dollars dans OpenAI, selon le rapport annuel du groupe."
FR_B = "Microsoft a investi 10 milliards de dollars dans OpenAI, selon le rapport annuel du groupe."
EN_A = "Microsoft has invested $13.75 billion in OpenAI, according to the group's annual report."
EN_B = "Microsoft has invested $10 billion in OpenAI, according to the group's annual report."


def run(texts, *, lang=None, focus=None):
    checker = Checker(only_types=["numeric", "entities"], options=Options(use_cache=False, embedder="none", lang=lang))
    result = checker.check_texts(texts, focus=focus)
    fs = [f for f in result.findings if f.kind == "numeric" and not f.within_document]
    assert fs, result.findings
    return fs


def _french(f) -> None:
    assert "13,75 milliards de dollars" in f.message and " dit " in f.message, f.message
    assert "10 milliards de dollars" in f.message
    reason = f.explanation["reason"]
    assert "intervalles" in reason or "laisse entendre" in reason, reason
    assert "the " not in reason and "bn USD" not in f.message
    assert f.explanation["sides"][0]["value"].endswith("milliards de dollars")


def _english(f) -> None:
    assert "$13.75 billion" in f.message and " says " in f.message, f.message
    assert "$10 billion" in f.message
    reason = f.explanation["reason"]
    assert "intervals" in reason or "implies" in reason, reason
    assert " les " not in reason and " dit " not in f.message


def test_a_french_pair_speaks_french():
    _french(run({"a.txt": FR_A, "b.txt": FR_B})[0])


def test_an_english_pair_speaks_english():
    _english(run({"a.txt": EN_A, "b.txt": EN_B})[0])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_lang_overrides_the_articles_language(lang):
    texts = {"a.txt": FR_A, "b.txt": FR_B} if lang == "en" else {"a.txt": EN_A, "b.txt": EN_B}
    f = run(texts, lang=lang)[0]
    if lang == "en":  # French figures, English words
        assert "$13.75 billion" in f.message and " says " in f.message, f.message
        assert "intervals" in f.explanation["reason"] or "implies" in f.explanation["reason"]
    else:
        assert "13,75 milliards de dollars" in f.message and " dit " in f.message, f.message


FR_REVENUE = "Le chiffre d'affaires de Northwind a atteint 4,2 milliards de dollars en 2024, selon le groupe."
EN_REVENUE = "Northwind's revenue reached $3.4 billion in 2024, the group said."


def test_a_mixed_pair_speaks_the_first_articles_language():
    (f,) = run({"a.txt": FR_REVENUE, "b.txt": EN_REVENUE})
    assert "b dit 3,4 milliards de dollars («$3.4 billion»)" in f.message, f.message
    assert f.explanation["reason"].startswith("les intervalles")
    (f,) = run({"a.txt": EN_REVENUE, "b.txt": FR_REVENUE})
    assert "b says $4.2 billion («4,2 milliards de dollars»)" in f.message, f.message
    assert f.explanation["reason"].startswith("the intervals")


def test_a_mixed_pair_in_draft_mode_speaks_the_drafts_language():
    (f,) = run({"a.txt": EN_REVENUE, "b.txt": FR_REVENUE}, focus=["b.txt"])
    assert "a dit 3,4 milliards de dollars" in f.message, f.message
    assert f.explanation["reason"].startswith("les intervalles")

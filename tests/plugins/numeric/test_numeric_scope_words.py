"""A time scope is said in the reader's language: "l'année précédente", not "previous-year"
(found by tests/eval/test_eval_language.py on a story of eval-blind-7, sixth session)."""

from __future__ import annotations

import pytest

from plugins.numeric.messages import scope_text, time_scope_lowered


@pytest.mark.parametrize(
    "scope,lang,said",
    [
        ("previous-year", "fr", "année précédente"),
        ("next-year", "fr", "année suivante"),
        ("previous-year", "en", "previous year"),
        ("next-year", "en", "next year"),
        ("2023", "fr", "2023"),
        ("initial", "fr", "montant initial"),
    ],
)
def test_a_scope_in_the_readers_words(scope, lang, said):
    assert said in scope_text(scope, lang)


def test_a_lowered_scope_message_has_no_english_in_french():
    said = time_scope_lowered("previous-year", "fr")
    assert "previous" not in said and "year" not in said

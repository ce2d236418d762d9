"""The seriously injured are some of the injured (issue 12, eleventh session).

From a false alarm on a new development story ("quatre blessés, dont un grave" / "Un blessé grave
a été héliporté"), in new words: a count of the seriously injured is its own class, compared with
counts of the seriously injured only, in both languages."""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities


@pytest.mark.parametrize(
    "text, lang, figure",
    [
        ("Un blessé grave a été transporté à Lyon.", "fr", "Un"),
        ("Deux blessés graves ont été évacués.", "fr", "Deux"),
        ("Trois personnes ont été grièvement blessées.", "fr", "Trois"),
        ("Two people were seriously injured in the crash.", "en", "Two"),
    ],
)
def test_the_seriously_injured_are_their_own_class(text, lang, figure):
    got = [q for q in parse_quantities(text, lang) if q.text.startswith(figure)]
    assert got and "seriously_injured" in got[0].noun, [(q.text, q.noun) for q in parse_quantities(text, lang)]


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "Le bilan fait état de quatre blessés, dont un grave, selon la préfecture.",
            "Un blessé grave a été héliporté vers Annecy dans la soirée.",
        ),
        (
            "Five people were injured in the crash on the bypass, police said.",
            "Two people were seriously injured and taken to hospital in Leeds.",
        ),
    ],
)
def test_the_seriously_injured_against_all_the_injured_stay_below_warning(a, b):
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]


def test_two_counts_of_the_seriously_injured_conflict():
    a = "L'accident de car a fait deux blessés graves, selon la préfecture de Savoie."
    b = "L'accident de car a fait quatre blessés graves, selon la préfecture de Savoie."
    assert warnings(a, b), [f.message for f in findings(a, b)]

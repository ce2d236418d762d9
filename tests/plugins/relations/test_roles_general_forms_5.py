"""Role rules, general forms (5): era cues read where they stand. "late" is a past-era cue only as
"the late X" (a dead holder), not in "late on Saturday"; "ère"/"era" is none after "nouvelle"/"new"
(a new era is the story's own time). A former holder stays silent. French and English."""

from __future__ import annotations

import pytest
from helpers.relations import EN, FR, found, relation_checker

from plugins.relations.roles import era_words


@pytest.fixture(scope="module")
def checker():
    return relation_checker()


# -- the cue words themselves (fast) ----------------------------------------------------------
@pytest.mark.parametrize(
    "text, cues",
    [
        ("she spoke late on saturday", set()),
        ("late in the evening the mayor spoke", set()),
        ("the late mayor was honoured", {"late"}),
        ("her late husband", {"late"}),
        ("le maire annonce une nouvelle ere pour la ville", set()),
        ("a new era for the city", set()),
        ("sous l ere du maire precedent", {"sous", "ere", "precedent"}),
        ("during the era of the former mayor", {"during", "era"}),
    ],
)
def test_era_cues_are_read_where_they_stand(text, cues):
    assert era_words(text.split()) == cues


# -- whole articles -----------------------------------------------------------------------------
_PREFECT_EN = "Anna Berg, prefect of Lindford, spoke on Sunday." + EN
_PREFECT_FR = "Marie Dubois, préfète de Lancrais, a parlé dimanche." + FR


@pytest.mark.parametrize(
    "a, b",
    [
        pytest.param(
            "Anna Berg, mayor of Lindford, spoke late on Saturday." + EN, _PREFECT_EN, id="late-on-a-weekday-en"
        ),
        pytest.param(
            "Marie Dubois, maire de Lancrais, annonce une nouvelle ère pour la ville." + FR,
            _PREFECT_FR,
            id="a-new-era-fr",
        ),
    ],
)
def test_two_offices_stay_a_warning(checker, a, b):
    assert found(checker, a, b) == [("functional", "warning")]


@pytest.mark.parametrize(
    "a, b",
    [
        pytest.param("The late Anna Berg, mayor of Lindford, was honoured." + EN, _PREFECT_EN, id="the-late-holder-en"),
        pytest.param(
            "L'ancienne maire de Lancrais, Marie Dubois, a parlé samedi." + FR, _PREFECT_FR, id="a-former-holder-fr"
        ),
        pytest.param(
            "Sous l'ère de Marie Dubois, maire de Lancrais, la ville a changé." + FR, _PREFECT_FR, id="another-era-fr"
        ),
    ],
)
def test_another_time_stays_silent(checker, a, b):
    assert found(checker, a, b) == []

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
def test_late_on_a_weekday_keeps_two_offices_a_warning_en(checker):
    a = "Anna Berg, mayor of Lindford, spoke late on Saturday." + EN
    b = "Anna Berg, prefect of Lindford, spoke on Sunday." + EN
    assert found(checker, a, b) == [("functional", "warning")]


def test_the_late_holder_stays_silent_en(checker):
    a = "The late Anna Berg, mayor of Lindford, was honoured." + EN
    b = "Anna Berg, prefect of Lindford, spoke on Sunday." + EN
    assert found(checker, a, b) == []


def test_a_new_era_keeps_two_offices_a_warning_fr(checker):
    a = "Marie Dubois, maire de Lancrais, annonce une nouvelle ère pour la ville." + FR
    b = "Marie Dubois, préfète de Lancrais, a parlé dimanche." + FR
    assert found(checker, a, b) == [("functional", "warning")]


def test_a_former_holder_stays_silent_fr(checker):
    a = "L'ancienne maire de Lancrais, Marie Dubois, a parlé samedi." + FR
    b = "Marie Dubois, préfète de Lancrais, a parlé dimanche." + FR
    assert found(checker, a, b) == []


def test_another_era_stays_silent_fr(checker):
    a = "Sous l'ère de Marie Dubois, maire de Lancrais, la ville a changé." + FR
    b = "Marie Dubois, préfète de Lancrais, a parlé dimanche." + FR
    assert found(checker, a, b) == []

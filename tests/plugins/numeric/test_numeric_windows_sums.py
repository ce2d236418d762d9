"""Scopes that kept false alarms on the promoted development corpora (issue 12, fifth
session), in new words, written before the code:

* a count over a stated time window ("dans les six heures", "in the first 24 hours", "dans
  la matinée") is not the count since the event ("since the start"), and perhaps not an
  untimed count ("depuis le séisme": the running total);
* a figure of one article that is the sum of some of the other article's figures of one
  sentence ("$40,000 for the win plus a $15,000 bonus, out of a purse of $250,000" /
  "$55,000 in all") agrees with that sentence, whichever of its figures it is paired with.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings


@pytest.mark.parametrize(
    "a,b",
    [
        (
            "Les sismographes ont enregistré 32 répliques dans les six heures suivant le séisme.",
            "Plus de 50 répliques ont été enregistrées depuis le séisme, selon les sismologues.",
        ),
        (
            "Les sismographes ont enregistré une trentaine de répliques dans la matinée.",
            "Plus de 50 répliques ont été enregistrées depuis le séisme, selon les sismologues.",
        ),
        (
            "Seismographs recorded 32 aftershocks in the first six hours after the quake.",
            "More than 50 aftershocks have been recorded since the quake, seismologists said.",
        ),
    ],
)
def test_a_time_window_is_not_the_count_since_the_event(a, b):
    assert warnings(a, b) == []


def test_two_counts_of_one_window_still_conflict():
    a = "Les sismographes ont enregistré 32 répliques dans les six heures suivant le séisme."
    b = "Les sismographes ont enregistré 23 répliques dans les six heures suivant le séisme."
    assert len(warnings(a, b)) == 1


def test_a_time_window_against_an_untimed_count_is_at_most_a_suggestion():
    a = "Les sismographes ont enregistré 32 répliques dans les six heures suivant le séisme."
    b = "Les sismographes ont enregistré 50 répliques, selon les sismologues."
    assert [f.level for f in findings(a, b)] == ["suggestion"]


def test_the_sum_of_some_figures_of_a_sentence_agrees():
    a = "Okafor earns $40,000 for the win plus a $15,000 bonus, out of a total purse of $250,000."
    b = "Okafor collected $55,000, including a bonus for the course record."
    assert findings(a, b) == []


def test_a_figure_that_is_no_sum_still_conflicts():
    a = "Okafor earns $40,000 for the win plus a $15,000 bonus, out of a total purse of $250,000."
    b = "Okafor earns $45,000 for the win plus a $15,000 bonus, out of a total purse of $250,000."
    assert findings(a, b)


# Across languages the encoder is all there is, and translation costs it about 0.07 of cosine
# on the development mixed stories (true pairs 0.86-0.92, unrelated figures of one story
# 0.77-0.85): its bar for a warning across languages is ``pairing.cross_warn_embedding``.
@pytest.mark.parametrize(
    "a,b",
    [
        (
            "Le conseil régional a voté jeudi un budget de près de 1,8 milliard d'euros.",
            "The regional council on Thursday passed a budget of 182 million euros.",
        ),
        (
            "L'essai a suivi les patients pendant 18 mois dans quatorze pays.",
            "The trial followed patients over 24 months in fourteen countries.",
        ),
    ],
)
def test_a_translated_statement_of_one_measure_is_a_warning(a, b):
    assert len(warnings(a, b, embedder="auto")) == 1, [f.message for f in findings(a, b, embedder="auto")]


def test_unrelated_figures_across_languages_are_no_warning():
    a = "Le laboratoire facturera le traitement 38,60 euros la dose."
    b = "The company expects peak sales of about 2.1 billion euros a year."
    assert warnings(a, b, embedder="auto") == []

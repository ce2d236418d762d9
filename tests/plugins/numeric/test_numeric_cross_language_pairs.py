"""Across languages a pair is a candidate at the cross-language bar (issue 13, sixth session).

Two sentences of two languages share no words, so their pair rests on the encoder alone:
the bar to be compared at all is the one to warn across languages
(``pairing.cross_warn_embedding``), not the within-language candidate bar that lexical overlap
usually helps to clear.  Written from the kinds of miss of the promoted development corpora
(blind-3, blind-4), in new words, before the code."""

from __future__ import annotations

from helpers.numeric import findings, warnings


def test_an_english_weekday_against_a_french_dated_day():
    a = (
        "MONTREAL, Nov. 27, 2026 (CP) - Judge Ana Ruiz ruled on Thursday that the recount result "
        "stands, ending a long dispute over the borough vote."
    )
    b = (
        "MONTRÉAL, 27 novembre 2026 - La juge Ana Ruiz a tranché mercredi 25 novembre : le résultat "
        "du recomptage de l'arrondissement est maintenu."
    )
    got = [f for f in warnings(a, b, embedder="auto") if len(f.documents()) == 2]
    assert len(got) == 1, [f.message for f in findings(a, b, embedder="auto")]


def test_a_count_stated_twice_in_english_against_a_french_one():
    # the English article counts miners twice (not one unique figure): the pair needs the encoder;
    # "overnight" and "pendant la nuit" are one window
    a = "Rescuers pulled 14 miners from the shaft overnight, the company said. Another 3 miners walked out on their own."
    b = "Selon l'entreprise, les secouristes ont remonté 19 mineurs du puits pendant la nuit."
    got = warnings(a, b, embedder="auto")
    assert len(got) == 1 and "14" in got[0].message, [f.message for f in findings(a, b, embedder="auto")]


def test_unrelated_figures_of_two_languages_stay_apart():
    a = "La ville a voté un budget de 12 millions d'euros pour rénover ses écoles."
    b = "The fire destroyed €40 million of crops across the valley, officials said."
    assert warnings(a, b, embedder="auto") == []

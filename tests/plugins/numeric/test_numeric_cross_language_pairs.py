"""Figures of two languages (issue 13, sixth session): an English weekday against a French
dated day of one event is a conflict; unrelated figures of two languages stay apart.

A lower candidate bar across languages (the warning bar ``pairing.cross_warn_embedding``
instead of ``pairing.min_embedding``) was tried and measured: on the development corpora it
found two more day conflicts and raised three false alarms on dates of other events, so it
was not kept."""

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


def test_unrelated_figures_of_two_languages_stay_apart():
    a = "La ville a voté un budget de 12 millions d'euros pour rénover ses écoles."
    b = "The fire destroyed €40 million of crops across the valley, officials said."
    assert warnings(a, b, embedder="auto") == []

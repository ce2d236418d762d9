"""What a share or an amount measures, read from the noun it is said of ("Turnout was 31.4 per
cent", "Le taux de participation s'élève à 42 %") (issue 12, eleventh session).

From a development miss (a byelection's turnout, 31.4 per cent / less than 30 per cent, whose
two sentences share too few words to pass the context bar), in new words: the same subject
noun, stated once with such a figure by each article, is the same measure; another subject, or
one the article gives two figures, is not by this reading (the context words may still pair them).
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.nouns import subject_noun


def _subject(text: str, figure: str, lang: str) -> str:
    return subject_noun(text, text.index(figure), lang)


@pytest.mark.parametrize(
    "text, figure, lang, subject",
    [
        ("Turnout was 31.4 per cent, high for a byelection.", "31.4", "en", "turnout"),
        ("Turnout was less than 30 per cent, groups said.", "less than", "en", "turnout"),
        ("The unemployment rate stood at 7.2% in May.", "7.2%", "en", "unemployment rate"),
        ("Its market share has reached about 12 per cent.", "about 12", "en", "market share"),
        ("Le taux de participation s'élève à 42 %, selon la préfecture.", "42 %", "fr", "taux participation"),
        ("Le budget des TER atteint 312 millions d'euros.", "312", "fr", "budget ter"),
        ("La participation était de 38 %, selon la mairie.", "38 %", "fr", "participation"),
        ("Officials said turnout was 41 per cent.", "41", "en", "turnout"),
        ("The turnout was 41 per cent.", "41", "en", "turnout"),
        ("Officials were disappointed: turnout was less than 35 per cent.", "less", "en", "turnout"),
        # no copula or verb of amount right before the figure: no subject
        ("The council spent 12 million on roads.", "12 million", "en", ""),
        ("It was 31 per cent last year.", "31 per cent", "en", ""),
        ("Il a obtenu 42 % des voix.", "42 %", "fr", ""),
    ],
)
def test_the_subject_noun_of_a_figure(text, figure, lang, subject):
    assert _subject(text, figure, lang) == subject


CONFLICT = [
    # the two sentences share no word but the subject: the context bar alone does not pair them
    (
        "The turnout was 41.2 per cent, relatively high for a municipal contest, the returning office said.",
        "After the count, turnout was less than 35 per cent, a figure groups blamed on poor information.",
    ),
    (
        "Le taux de participation s'élève à 41 %, un record pour une partielle.",
        "Selon les bénévoles, le taux de participation atteint à peine 28 %, faute d'information.",
    ),
]


@pytest.mark.parametrize("a, b", CONFLICT)
def test_one_subject_stated_once_by_each_article_is_one_measure(a, b):
    assert warnings(a, b), [f.message for f in findings(a, b)]


SILENT = [
    # two subjects: turnout and a candidate's share
    (
        "Voters in Lachine chose a new councillor on Sunday. Turnout was 41.2 per cent, the returning office said.",
        "Voters in Lachine chose a new councillor on Sunday. Support for the winner was 35 per cent, officials said.",
    ),
    # another year's figure
    (
        "Voters in Lachine chose a new councillor on Sunday. Turnout was 41.2 per cent, the returning office said.",
        "Voters in Lachine chose a new councillor on Sunday. In 2019, turnout was 33 per cent.",
    ),
]


@pytest.mark.parametrize("a, b", SILENT)
def test_other_subjects_or_several_figures_of_one_stay_below_warning(a, b):
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]

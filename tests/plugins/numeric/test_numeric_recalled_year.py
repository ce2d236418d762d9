"""A sentence that recalls another year speaks of then (issue 12, scope: "a different year
stated in the sentence"), tenth session.

From the development false alarm "Le préjudice est estimé à 12 millions d'euros" / "L'affaire
rappelle le vol du musée ..., en mai 2010 : cinq toiles ..., estimées à 100 millions d'euros"
(eval-blind-5), written again in new words before the code.  The sentence's only year is far
from the figure, so distance alone does not tie them; the article's own year (its dateline)
does: a year that is not the article's dates the whole sentence.  The article's own year, or
no dateline, leaves the figure as it was.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

A = "Vol de bijoux chez Delorme\nPublié le 4 mars 2026 à 09:10\nLes bijoux volés chez Delorme sont estimés à 8 millions d'euros, selon la joaillerie."
RECALL = (
    "Vol de bijoux chez Delorme\nPublié le 4 mars 2026 à 11:40\nLe vol de juin {year} chez Delorme, des colliers, des "
    "bagues signées par la maison et une parure ancienne, avait été estimé à 40 millions d'euros, selon la joaillerie."
)
EN_A = "Jewel theft at Delorme\nPublished March 4, 2026\nThe jewels stolen from Delorme are valued at £8 million, the jeweller said."
EN_RECALL = (
    "Jewel theft at Delorme\nPublished March 4, 2026\nThe June {year} theft at Delorme, necklaces, rings signed by the "
    "house and an antique tiara, was valued at £40 million, the jeweller said."
)


@pytest.mark.parametrize("a, b", [(A, RECALL), (EN_A, EN_RECALL)])
def test_a_figure_of_a_recalled_year_is_no_warning(a, b):
    b = b.format(year=2011)
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]
    assert findings(a, b), "the two figures are still shown side by side, as a suggestion"


@pytest.mark.parametrize("a, b", [(A, RECALL), (EN_A, EN_RECALL)])
def test_the_articles_own_year_leaves_the_figure_comparable(a, b):
    b = b.format(year=2026)
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_without_a_dateline_a_far_year_does_not_scope_the_figure():
    a = A.replace("Publié le 4 mars 2026 à 09:10\n", "")
    b = RECALL.format(year=2011).replace("Publié le 4 mars 2026 à 11:40\n", "")
    assert "Publié" not in a + b
    assert warnings(a, b), [f.message for f in findings(a, b)]

"""Physical figures that neither side names the measure of (issue 12, tenth session).

From the development false alarm "within 1.5 miles of the plant" / "heard 16km away"
(eval-blind-3), in new words: a length, a mass or an area with no measured noun on either side,
in contexts with nothing in common, is no one fact because each article states one such figure.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

UNNAMED_SILENT = [
    (
        "A gas leak forced the evacuation of the depot. Police set up a cordon within 2 miles of the depot.",
        "A gas leak forced the evacuation of the depot. The blast was heard 25km away.",
    ),
    (
        "Le dépôt a été évacué. La police a bouclé un périmètre de 2 kilomètres autour du dépôt.",
        "Le dépôt a été évacué. L'explosion a été entendue à 25 kilomètres.",
    ),
]


@pytest.mark.parametrize("a, b", UNNAMED_SILENT)
def test_two_unnamed_lengths_of_unrelated_contexts_are_no_warning(a, b):
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]
    assert findings(a, b), "still shown side by side, as a suggestion"


def test_two_lengths_of_one_context_still_conflict():
    a = "Flames spread along 3 miles of the coast road on Sunday."
    b = "Flames spread along 12 miles of the coast road on Sunday."
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_a_storms_one_speed_in_each_article_still_conflicts():
    a = "Cyclone Mara made landfall on Tuesday. Gusts reached 190 km/h near the port."
    b = "Cyclone Mara hit the coast on Tuesday, with gusts of 230 km/h near the port."
    assert warnings(a, b), [f.message for f in findings(a, b)]

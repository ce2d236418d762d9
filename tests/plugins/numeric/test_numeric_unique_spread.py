"""Two figures that each article states once, and nothing else ties together (issue 12, scope):
a misreport of one fact rarely doubles it, two counts of one story often differ more.  Within
a factor of two such a pair is a warning, further apart a suggestion; a slip ("14" / "41") or a
day keeps its warning.  Written from the development false alarms of consistent-8/-9 and
eval-blind-9 ("9 500" visitors the first evening / "21 300" over the weekend), before the code.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings


def _levels(a: str, b: str) -> list[str]:
    return sorted(f.level for f in findings(a, b))


@pytest.mark.parametrize(
    "a,b",
    [
        (
            "Le soir de l'inauguration, 9 500 visiteurs se sont pressés dans les galeries.",
            "Selon la mairie, 21 300 visiteurs ont franchi les portes du bâtiment rénové.",
        ),
        (
            "The charity said 450 volunteers had signed up by Friday.",
            "Organisers counted 24 volunteers at the registration desk.",
        ),
    ],
)
def test_two_figures_stated_once_far_apart_are_a_suggestion(a, b):
    assert _levels(a, b) == ["suggestion"], [(f.level, f.message) for f in findings(a, b)]


@pytest.mark.parametrize(
    "a,b",
    [
        (
            "Le soir de l'inauguration, 9 500 visiteurs se sont pressés dans les galeries.",
            "Selon la mairie, 12 300 visiteurs ont franchi les portes du bâtiment rénové.",
        ),
        (
            "The charity said 45 volunteers had signed up by Friday.",
            "Organisers counted 54 volunteers at the registration desk.",
        ),
    ],
)
def test_two_figures_stated_once_within_twice_stay_a_warning(a, b):
    assert [f.level for f in warnings(a, b)] == ["warning"], [(f.level, f.message) for f in findings(a, b)]


def test_the_spread_is_symmetric():
    a = "Le soir de l'inauguration, 9 500 visiteurs se sont pressés dans les galeries."
    b = "Selon la mairie, 21 300 visiteurs ont franchi les portes du bâtiment rénové."
    assert _levels(a, b) == _levels(b, a)


def test_a_slip_beyond_twice_stays_a_warning():
    # transposed digits are a misreport's own signature, however far apart they are
    a = "The charity said 14 volunteers had signed up by Friday."
    b = "Organisers counted 41 volunteers at the registration desk."
    assert [f.level for f in warnings(a, b)] == ["warning"], [(f.level, f.message) for f in findings(a, b)]


@pytest.mark.parametrize(
    "a,b",
    [
        ("Le feu a détruit 300 hectares près de Gardanne.", "The Gardanne fire burned 30 km²."),
        ("Le feu a détruit 300 hectares près de Gardanne.", "The Gardanne fire burned 300 km²."),
    ],
)
def test_a_conversion_off_by_a_power_of_ten_stays_a_warning(a, b):
    # 300 ha are 3 km²: "30 km²" and "300 km²" are a conversion slip, not two areas
    assert [f.level for f in warnings(a, b)] == ["warning"], [(f.level, f.message) for f in findings(a, b)]


def test_other_units_far_apart_but_not_by_a_power_of_ten_are_a_suggestion():
    a = "Le feu a détruit 300 hectares près de Gardanne."
    b = "The Gardanne fire burned 17 km²."
    assert _levels(a, b) == ["suggestion"], [(f.level, f.message) for f in findings(a, b)]

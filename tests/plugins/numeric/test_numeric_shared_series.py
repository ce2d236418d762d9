"""Two articles that share one figure of a measure and each give another (issue 12, scope): a
fire "has grown to 52,400 hectares, up from 38,000 on Saturday" and "grew to 61,800 hectares,
up from 52,400 a day earlier" agree on 52,400; their other figures are other points of one
series (earlier and later sizes), not one misreported size: a suggestion, never a warning.
Written from the development false alarm of consistent-11 (la-ronge), before the code.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

A = (
    "A wildfire that forced thousands of people from La Ronge has grown to an estimated 52,400 "
    "hectares, up from 38,000 hectares on Saturday, the Saskatchewan Public Safety Agency said Monday."
)
B = (
    "The Nemeiben wildfire west of La Ronge grew to 61,800 hectares - about 618 square kilometres - by "
    "Tuesday morning, up from 52,400 hectares a day earlier, the Saskatchewan Public Safety Agency said."
)


def _shown(a: str, b: str) -> list[tuple[str, str]]:
    return [(f.level, f.message) for f in findings(a, b, embedder="auto")]


def test_other_points_of_a_series_the_articles_share_are_suggestions():
    assert warnings(A, B, embedder="auto") == [], _shown(A, B)
    assert warnings(B, A, embedder="auto") == [], _shown(B, A)


def test_without_the_shared_figure_the_sizes_still_conflict():
    a = "A wildfire near La Ronge has grown to an estimated 38,000 hectares, the agency said Monday."
    b = "The Nemeiben wildfire grew to 61,800 hectares by Monday, the agency said."
    assert len(warnings(a, b, embedder="auto")) == 1, _shown(a, b)


FIRE_A = "A wildfire near La Ronge has grown to an estimated 38,000 hectares, the agency said Monday. "
FIRE_B = "The Nemeiben wildfire grew to 61,800 hectares by Monday, the agency said. "


@pytest.mark.parametrize(
    "a,b",
    [
        pytest.param(
            FIRE_A + "Crews protect more than 400 homes.",
            FIRE_B + "Sprinklers protect more than 400 homes.",
            id="a-shared-bound-is-no-shared-figure",
        ),
        pytest.param(
            FIRE_A + "A separate fire to the north covers 52,400 hectares.",
            FIRE_B + "A separate fire to the north covers 52,400 hectares.",
            id="a-figure-shared-outside-the-pairs-sentences-says-nothing-of-the-pair",
        ),
        pytest.param(
            "Four workers have died and seventeen have been injured after an explosion at a chemical plant in Runcorn.",
            "Five workers were killed and 17 people were injured when an explosion tore through a chemical works in "
            "Runcorn.",
            id="a-shared-figure-of-another-kind-in-the-sentence-is-no-series",
        ),
    ],
)
def test_what_makes_no_series_leaves_the_warning(a, b):
    assert len(warnings(a, b, embedder="auto")) == 1, _shown(a, b)


def test_dates_of_one_sentence_are_its_events_not_a_series():
    # both sentences give the landing day (8 December) and a launch day: the launch days are
    # two events' dates, not a series; the development story (eval-blind-6) keeps its warning
    from pathlib import Path

    from helpers.numeric import checker

    story = Path(__file__).parents[2] / "data" / "eval-blind-6" / "en-lunar-lander-wayfarer"
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(story.glob("*.txt"))}
    r = checker("auto").check_texts(texts)
    quotes = [{e.quote for e in f.evidence} for f in r.findings if f.kind == "numeric" and f.level == "warning"]
    assert any({"Nov. 17", "27 November"} <= q for q in quotes), quotes

"""Eleventh evaluation corpus (tests/data/eval-blind-11): a BLIND corpus written on
2026-12-03 by a code-blind helper that read no checker code, rules, benchmarks or other
stories than the format models named in the folder's README. The developing session
measures it and does not read its stories, so it may not be tuned against.

Checks that the annotations are valid (no checker run): every quote found in its
document, enough conflicts and traps, unique ids, known categories and every conflict
category in every story. No benchmark floor: the corpus has not been measured.
Measure with: python benchmarks/eval_corpus.py tests/data/eval-blind-11/*/ -v
"""

from __future__ import annotations

import pytest
from helpers.annotations import check_blind_story
from helpers.paths import DATA

STORIES = [
    "fr-rougeole-epidemie-grenoble",
    "en-airliner-emergency-landing-shannon",
    "fr-tarifs-transports-lyon-vote",
    "en-cycling-stage-race-tour-of-britain",
    "mixed-digue-rupture-namur",
]


def test_folders_are_the_listed_stories(eval_bench):
    found = sorted(f.name for f in eval_bench.story_folders([str(DATA / "eval-blind-11")]))
    assert found == sorted(STORIES)


@pytest.mark.parametrize("name", STORIES)
def test_story_annotations_are_valid(eval_bench, name):
    check_blind_story(eval_bench.load_story(DATA / "eval-blind-11" / name), name)

"""Sixth blind corpus (tests/data/eval-blind-6) and the fourth set of consistent stories
(tests/data/consistent-4): written on 2026-12-01 by a session that read no code, rules,
benchmarks or other stories (see the READMEs of both folders).

Checks that the annotations are valid (no checker run): every quote found in its
document, enough conflicts and traps, unique ids, known categories, every conflict
category in every blind story, and no conflict at all in the consistent stories.
No benchmark floor yet: it is added once the corpus has been measured.
Measure with: python benchmarks/eval_corpus.py tests/data/eval-blind-6/*/ -v
"""

from __future__ import annotations

import pytest
from helpers.annotations import check_blind_story, check_consistent_story
from helpers.paths import DATA

BLIND = [
    "fr-effondrement-pont-montans",
    "fr-secheresse-pyrenees-orientales",
    "en-ferry-grounding-mull",
    "en-lunar-lander-wayfarer",
    "mixed-bousculade-palais12-bruxelles",
]
CONSISTENT = [
    "fr-sauvetage-speleologues-doubs-coherent",
    "en-rbnz-rate-cut-consistent",
    "mixed-avalanche-verbier-coherent",
]


def test_folders_are_the_listed_stories(eval_bench):
    found = sorted(f.name for f in eval_bench.story_folders([str(DATA / "eval-blind-6")]))
    assert found == sorted(BLIND)
    found = sorted(f.name for f in eval_bench.story_folders([str(DATA / "consistent-4")]))
    assert found == sorted(CONSISTENT)


@pytest.mark.parametrize("name", BLIND)
def test_blind_story_annotations_are_valid(eval_bench, name):
    check_blind_story(eval_bench.load_story(DATA / "eval-blind-6" / name), name)


@pytest.mark.parametrize("name", CONSISTENT)
def test_consistent_story_annotations_are_valid(eval_bench, name):
    check_consistent_story(eval_bench.load_story(DATA / "consistent-4" / name), name, min_traps=12)

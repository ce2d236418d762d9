"""Eleventh set of consistent stories (tests/data/consistent-11): written on 2026-12-04 by a
session that read no checker code, rules, benchmarks or other story texts (see the
folder's README). A development false-alarm corpus: every finding on it is a false
positive.

Checks that the annotations are valid (no checker run): every quote found in its
document, no conflict at all, enough traps, unique ids and known categories.  (No false-alarm
ceiling here: the corpus is measured in benchmarks/RESULTS.md.)
"""

from __future__ import annotations

import pytest
from helpers.annotations import check_consistent_story
from helpers.paths import DATA

CONSISTENT = [
    "fr-ligne-limoux-quillan-reouverture-coherent",
    "fr-grele-vendanges-bourgogne-bilan-coherent",
    "en-southdown-water-sewage-fine-consistent",
    "en-la-ronge-wildfire-evacuation-consistent",
    "mixed-greve-aeroport-bruxelles-coherent",
    "mixed-budget-stm-montreal-coherent",
]


def test_folders_are_the_listed_stories(eval_bench):
    found = sorted(f.name for f in eval_bench.story_folders([str(DATA / "consistent-11")]))
    assert found == sorted(CONSISTENT)


@pytest.mark.parametrize("name", CONSISTENT)
def test_consistent_story_annotations_are_valid(eval_bench, name):
    check_consistent_story(eval_bench.load_story(DATA / "consistent-11" / name), name, min_traps=30)

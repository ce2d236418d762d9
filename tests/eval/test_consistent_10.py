"""Tenth set of consistent stories (tests/data/consistent-10): a BLIND false-alarm corpus,
written on 2026-12-03 by a code-blind helper session that read no checker code, rules,
examples, benchmarks or other story texts (see the folder's README). The developing
session measures it and does not read its stories, so it may not be tuned against:
every finding on it is a false positive.

Checks that the annotations are valid (no checker run): every quote found in its
document, no conflict at all, enough traps, unique ids and known categories.  (No false-alarm
ceiling here: the corpus is measured in benchmarks/RESULTS.md.)
"""

from __future__ import annotations

import pytest
from helpers.annotations import check_consistent_story
from helpers.paths import DATA

CONSISTENT = [
    "fr-incendie-entrepot-rouen-coherent",
    "en-rail-strike-scotland-consistent",
    "fr-election-municipale-partielle-nimes-coherent",
    "en-hospital-waiting-lists-wales-consistent",
    "mixed-seisme-valais-coherent",
]


def test_folders_are_the_listed_stories(eval_bench):
    found = sorted(f.name for f in eval_bench.story_folders([str(DATA / "consistent-10")]))
    assert found == sorted(CONSISTENT)


@pytest.mark.parametrize("name", CONSISTENT)
def test_consistent_story_annotations_are_valid(eval_bench, name):
    check_consistent_story(eval_bench.load_story(DATA / "consistent-10" / name), name, min_traps=30)

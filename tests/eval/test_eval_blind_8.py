"""Eighth blind corpus (tests/data/eval-blind-8): written on 2026-12-02 by a helper session
that read no code, rules, benchmarks or other stories (see the folder's README).

Checks that the annotations are valid (no checker run): every quote found in its
document, enough conflicts and traps, unique ids, known categories, every conflict
category in every story and at least two claim conflicts.
No benchmark floor yet: it is added once the corpus has been measured.
Measure with: python benchmarks/eval_corpus.py tests/data/eval-blind-8/*/ -v
"""

from __future__ import annotations

import pytest
from helpers.annotations import check_blind_story
from helpers.paths import DATA

BLIND = [
    "fr-prise-otages-saint-nazaire",
    "fr-fusion-hopitaux-agen-villeneuve",
    "en-snow-leopard-escape-harrogate",
    "en-oil-spill-galveston-bay",
    "mixed-rachat-actions-valmonde",
]


def test_folders_are_the_listed_stories(eval_bench):
    found = sorted(f.name for f in eval_bench.story_folders([str(DATA / "eval-blind-8")]))
    assert found == sorted(BLIND)


@pytest.mark.parametrize("name", BLIND)
def test_blind_story_annotations_are_valid(eval_bench, name):
    check_blind_story(eval_bench.load_story(DATA / "eval-blind-8" / name), name)

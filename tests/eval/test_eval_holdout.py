"""Held-out evaluation corpus (tests/data/eval-holdout): written after the rules, never used to tune them.

These tests only check that the annotations are valid and that the benchmark runs over the
holdout without errors; they assert nothing about recall or precision (the lead sets floors).
Measure with: python benchmarks/eval_corpus.py tests/data/eval-holdout/* -v
"""

import pytest
from helpers.paths import REPO

ROOT = REPO
HOLDOUT = ROOT / "tests" / "data" / "eval-holdout"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench(eval_bench):
    return eval_bench


@pytest.fixture(scope="module")
def folders(bench):
    return bench.story_folders([str(HOLDOUT)])


def test_holdout_has_five_stories(folders):
    assert len(folders) >= 5, folders
    names = {f.name for f in folders}
    assert not names & {p.name for p in (ROOT / "tests" / "data" / "eval").iterdir()}, "holdout reuses an eval story"


def test_every_quote_is_in_its_document(bench, folders):
    problems = []
    for folder in folders:
        story = bench.load_story(folder)
        problems += story["_problems"]
        texts = story["_texts"]
        assert len(texts) >= 2, folder
        for section in ("conflicts", "non_conflicts"):
            items = story.get(section) or []
            assert items, f"{folder.name}: no {section}"
            ids = [i.get("id") for i in items]
            assert len(ids) == len(set(ids)), f"{folder.name}: duplicate ids in {section}"
            for item in items:
                assert item["a"]["doc"] != item["b"]["doc"], (
                    f"{folder.name}: {item['id']} compares a document with itself"
                )
                if section == "conflicts":
                    assert item.get("kind", "any") in ("numeric", "relation", "any"), item
    assert not problems, problems


def test_benchmark_runs_on_holdout(bench, folders):
    report = bench.evaluate(folders)
    t = report["totals"]
    assert t["stories"] == len(folders)
    assert t["annotation_problems"] == 0
    assert t["expected"] >= 5 * len(folders)
    assert 0.0 <= t["recall"] <= 1.0 and 0.0 <= t["precision"] <= 1.0
    # Regression floors, set by the lead from the landing measurement (35/48 = 0.73 recall, 37/41 = 0.90 precision
    # at level >= warning) minus a margin. Raise them as the checker improves; never
    # tune the rules on this corpus's sentences.
    assert t["recall"] >= 0.80, t  # 42/48 = 0.88 measured on 2026-12-01
    assert t["precision"] >= 0.92, t  # 46/47 = 0.98
    for s in report["stories"]:
        assert not s["input_errors"], (s["story"], s["input_errors"])

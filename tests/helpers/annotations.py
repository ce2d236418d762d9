"""The categories an evaluation story's annotations may use (benchmarks/eval_corpus.py)."""

CONFLICT_CATEGORIES = {"digits", "words", "units", "scales", "bounds", "dates", "role", "relation", "claim"}
TRAP_CATEGORIES = {"approx", "bounds", "units", "scope", "dates", "role", "paraphrase", "other"}


def checked_items(story: dict, name: str) -> tuple[list, list]:
    """(conflicts, traps) of a loaded story, asserting that its annotations load without
    problems, use unique ids and known categories."""
    assert not story["_problems"], story["_problems"]
    conflicts, traps = story.get("conflicts") or [], story.get("non_conflicts") or []
    ids = [i["id"] for i in conflicts + traps]
    assert len(ids) == len(set(ids)), name
    assert all(i.get("category") in CONFLICT_CATEGORIES for i in conflicts), name
    assert all(i.get("category") in TRAP_CATEGORIES | CONFLICT_CATEGORIES for i in traps), name
    return conflicts, traps


def check_blind_story(story: dict, name: str) -> None:
    """A blind story's annotations: valid (``checked_items``), at least 10 conflicts and 10
    traps, a conflict of every category, and at least two claim conflicts."""
    conflicts, traps = checked_items(story, name)
    assert len(conflicts) >= 10 and len(traps) >= 10, name
    kinds = {i.get("category") for i in conflicts}
    assert CONFLICT_CATEGORIES <= kinds, name
    assert sum(i.get("category") == "claim" for i in conflicts) >= 2, name


def check_consistent_story(story: dict, name: str, min_traps: int) -> None:
    """A consistent story's annotations: valid, no conflict, at least ``min_traps`` traps."""
    conflicts, traps = checked_items(story, name)
    assert conflicts == [], name
    assert len(traps) >= min_traps, name

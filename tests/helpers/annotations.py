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

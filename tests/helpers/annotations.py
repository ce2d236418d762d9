"""The categories an evaluation story's annotations may use (benchmarks/eval_corpus.py)."""

CONFLICT_CATEGORIES = {"digits", "words", "units", "scales", "bounds", "dates", "role", "relation", "claim"}
TRAP_CATEGORIES = {"approx", "bounds", "units", "scope", "dates", "role", "paraphrase", "other"}

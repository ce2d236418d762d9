"""Shared helpers of the numeric tests: run two articles through the checker."""

from __future__ import annotations

from functools import lru_cache

from checker.context import Options
from checker.run.pipeline import Checker


@lru_cache(maxsize=2)
def checker(embedder: str = "none") -> Checker:
    return Checker(only_types=["numeric", "entities"], options=Options(use_cache=False, embedder=embedder))


def findings(a: str, b: str, *, embedder: str = "none", min_level: str = "suggestion"):
    levels = ["suggestion", "warning", "error"]
    r = checker(embedder).check_texts({"a.txt": a, "b.txt": b})
    return [f for f in r.findings if f.kind == "numeric" and levels.index(f.level) >= levels.index(min_level)]


def warnings(a: str, b: str, **kw):
    return findings(a, b, min_level="warning", **kw)

"""Shared helpers of the relation tests: the built-in relation rules, the relation findings
of a few articles, and the sentences that make a short article read as English or French."""

from __future__ import annotations

from checker.run.pipeline import Checker

#: appended to a one-sentence article so that its language is read as English / French
EN = " The statement was published on Monday by the office."
FR = " Le communiqué a été publié lundi par ses services."


def relation_checker() -> Checker:
    """A checker of the built-in relation rules, which must all load."""
    c = Checker(only_types={"relation"})
    assert not [e for e in c.errors if e.kind == "rule"], c.errors
    return c


def found(checker, *texts):
    """(constraint, level) of the relation findings of ``texts`` (documents d0.txt, d1.txt...)."""
    res = checker.check_texts({f"d{i}.txt": t for i, t in enumerate(texts)})
    return sorted((f.explanation["constraint"], f.level) for f in res.findings if f.kind == "relation")


def loud(got):
    """The findings of ``found`` at warning or above."""
    return [x for x in got if x[1] in ("warning", "error")]

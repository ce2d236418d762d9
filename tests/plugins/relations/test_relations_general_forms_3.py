"""General forms of roles and relations, third round (issue 13): causes left by the second round on
the development corpora.  Every case is written here in our own words, with invented names, beside
the traps of the same kind that must stay below warning."""

from __future__ import annotations

import pytest

from checker.run.pipeline import Checker

EN = " The statement was published on Monday by the office."
FR = " Le communiqué a été publié lundi par ses services."


@pytest.fixture(scope="module")
def checker():
    c = Checker(only_types={"relation"})
    assert not [e for e in c.errors if e.kind == "rule"], c.errors
    return c


def found(checker, *texts):
    res = checker.check_texts({f"d{i}.txt": t for i, t in enumerate(texts)})
    return sorted((f.explanation["constraint"], f.level) for f in res.findings if f.kind == "relation")


def loud(got):
    return [x for x in got if x[1] in ("warning", "error")]


# -- one company under two names: "Veltra" / "Veltra Holding" ------------------------------------------
def _ids(checker, text: str, name: str) -> set[str]:
    """Entity ids the annotator gives the mentions of ``name`` in ``text``."""
    seen: set[str] = set()
    orig = checker.prepare

    def prepare(docs, ctx, instances, timings=None):
        out = orig(docs, ctx, instances, timings)
        for d in docs:
            seen.update(m.id for s in d.sentences for m in s.entities if m.text == name)
        return out

    checker.prepare = prepare
    try:
        checker.check_texts({"d0.txt": text, "d1.txt": "Rien à signaler."})
    finally:
        del checker.prepare
    return seen


@pytest.mark.parametrize(
    "text, name",
    [
        # French NER takes "Veltra Holding" for a person; the legal word says it is a company
        ("Veltra Holding, actionnaire minoritaire de Norvik depuis 2021, a refusé de payer." + FR, "Veltra Holding"),
        ("Selon Dorsan Groupe, la vente est close." + FR, "Dorsan Groupe"),
    ],
)
def test_a_name_ending_in_a_legal_or_group_word_is_the_company_of_its_short_name(checker, text, name):
    assert _ids(checker, text, name) == {name.split()[0].lower()}


def test_a_stake_told_under_the_long_and_the_short_name_of_one_company_is_compared(checker):
    got = found(
        checker,
        "Veltra Holding, which owns 65% of Norvik, declined to pay." + EN,
        "Veltra Holding, actionnaire minoritaire de Norvik, a refusé de payer." + FR,
    )
    assert ("exclusive_shared", "warning") in got, got


def test_a_person_is_not_cut_to_a_short_name(checker):
    # a person's name keeps its id whole (no legal word at its end)
    assert _ids(checker, "Paul Girard, actionnaire minoritaire de Norvik, a refusé de payer." + FR, "Paul Girard") == {
        "paul girard"
    }

"""Value clusters: numeric and relation findings aggregated over many articles.

Inside a candidate group, claims with the same normalised value are one cluster; each
pair of distinct clusters is decided once and gives at most one finding whose evidence
holds one claim per article of each side.  Cost grows with the number of distinct
values, not with the square of the number of articles.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.aggregate import (
    EVIDENCE_PER_SIDE,
    cluster_pairs,
    covered_pairs,
    linked_sides,
    side_summary,
    value_clusters,
)
from checker.context import RunContext
from checker.model import CandidateGroup, Claim, Sentence
from checker.run.pipeline import Checker

FULL = "Microsoft a investi 13,75 milliards de dollars dans OpenAI."
LOW = "Microsoft a investi pas moins de 8 milliards de dollars dans OpenAI."
OVER = "Microsoft a investi plus de 13 milliards de dollars dans OpenAI."
TEN = "Microsoft a investi 10 milliards de dollars dans OpenAI."
EXCL = "Microsoft bénéficie d'un accès exclusif à la technologie d'OpenAI."
PRIV = "Microsoft bénéficie d'un accès privilégié à la technologie d'OpenAI."
RULE = "fr.numeric.investment"
PACK = Path(__file__).resolve().parents[2] / "examples" / "microsoft-openai-pack"


@pytest.fixture(scope="module")
def numeric():
    # the investment slot is the worked example of a custom pack (examples/microsoft-openai-pack)
    return Checker(only_types=["numeric"], rule_paths=[PACK])


@pytest.fixture(scope="module")
def relation():
    return Checker(only_types=["relation"], rule_paths=[PACK])  # the story's access relation and its message


def corpus(*sentences) -> dict[str, str]:
    return {f"d{i:02d}.txt": s for i, s in enumerate(sentences)}


def found(result, rule=None, kind=None):
    return [f for f in result.findings if (rule is None or f.rule_id == rule) and (kind is None or f.kind == kind)]


def docs_of(f) -> list[str]:
    return [e.doc_id for e in f.evidence]


# -- unit level: clusters, sides, draft and same-document handling ------------------------------
def _claim(doc, start, value):
    sent = Sentence(doc_id=doc, index=0, start=start, end=start + 5, text="xxxxx", language="fr")
    return Claim(kind="t", doc_id=doc, sentence=sent, start=start, end=start + 5, keys=("k",), value={"v": value})


def _clusters(*claims):
    group = CandidateGroup(key="k", claims=sorted(claims, key=lambda c: (c.doc_id, c.start)))
    return value_clusters([group], lambda c: (c.keys, c.value["v"]))


def test_clusters_group_equal_values_and_pairs_are_distinct_clusters():
    claims = [_claim(f"d{i}", 0, "x" if i % 3 else "y") for i in range(30)] + [_claim("d5", 50, "z")]
    clusters, per_group = _clusters(*claims)
    assert [sorted(cl.docs) == sorted({c.doc_id for c in cl.claims}) for cl in clusters] == [True] * 3
    assert sorted(len(cl.claims) for cl in clusters) == [1, 10, 20]
    pairs = list(cluster_pairs(per_group))
    assert len(pairs) == 3 and all(a.index < b.index for a, b in pairs)


def test_same_document_on_both_sides_is_never_paired_with_itself():
    ctx = RunContext()
    (x, y), per_group = _clusters(_claim("a", 0, "x"), _claim("a", 10, "y"))
    assert linked_sides(x, y, ctx) is None  # one article saying both: not a finding
    (x, y), _ = _clusters(_claim("a", 0, "x"), _claim("a", 10, "y"), _claim("b", 0, "x"))
    side_a, side_b = linked_sides(x, y, ctx)
    # a's own "x" cannot meet a's "y": only b's "x" stands against a's "y"
    assert [c.doc_id for c in side_a] == ["a"] and [c.value["v"] for c in side_a] == ["y"]
    assert [c.doc_id for c in side_b] == ["b"]
    assert covered_pairs(side_a, side_b) == 1
    (x, y), _ = _clusters(_claim("a", 0, "x"), _claim("a", 10, "y"), _claim("b", 0, "x"), _claim("c", 0, "y"))
    side_a, side_b = linked_sides(x, y, ctx)
    assert sorted(c.doc_id for c in side_a + side_b) == ["a", "a", "b", "c"]
    assert covered_pairs(side_a, side_b) == 3  # a-b, a-c... minus a-a


def test_draft_mode_keeps_only_cluster_pairs_touching_the_draft_and_puts_it_first():
    ctx = RunContext(focus={"z"})
    (x, y), _ = _clusters(_claim("a", 0, "x"), _claim("b", 0, "y"), _claim("c", 0, "y"))
    assert linked_sides(x, y, ctx) is None  # a corpus-internal disagreement is not about the draft
    (x, y), _ = _clusters(_claim("a", 0, "x"), _claim("b", 0, "y"), _claim("c", 0, "y"), _claim("z", 0, "x"))
    side_a, side_b = linked_sides(x, y, ctx)
    sides = {s[0].value["v"]: [c.doc_id for c in s] for s in (side_a, side_b)}
    assert sides == {"x": ["z"], "y": ["b", "c"]}  # a (not the draft) vs b/c: not compared


def test_side_summary_wording():
    assert side_summary(1, "10 bn USD", ["004"], "en") == "1 article says 10 bn USD (004)"
    assert (
        side_summary(5, "13.75 bn USD", ["000", "001", "002", "003", "005"], "en")
        == "5 articles say 13.75 bn USD (000, 001, 002, +2 more)"
    )
    assert side_summary(4, "2030", ["a", "b", "c", "d"], "fr") == "4 articles disent 2030 (a, b, c, +1 autre)"


# -- numeric end to end -------------------------------------------------------------------------
def test_two_articles_give_todays_message_and_evidence(numeric):
    r = numeric.check_texts({"a.txt": FULL, "b.txt": LOW})
    (f,) = found(r, RULE)
    assert f.level == "error"
    assert f.message == (
        "Montant investi par Microsoft dans OpenAI : a dit 13,75 milliards de dollars (« 13,75 milliards de dollars »), "
        "b dit ≥ 8 milliards de dollars (« pas moins de 8 milliards de dollars ») ; incompatibles"
    )
    assert [(e.doc_id, e.quote) for e in f.evidence] == [
        ("a.txt", "13,75 milliards de dollars"),
        ("b.txt", "pas moins de 8 milliards de dollars"),
    ]
    assert f.explanation["reason"]
    assert [s["documents"] for s in f.explanation["sides"]] == [["a.txt"], ["b.txt"]]


def test_many_articles_few_values_give_few_findings_with_every_article(numeric):
    texts = corpus(*([FULL] * 12 + [LOW] * 3 + [OVER] * 2))
    r = numeric.check_texts(texts)
    fs = found(r, RULE)
    # 13.75 vs >= 8 (hard), >= 8 vs > 13 (implied); 13.75 and > 13 agree
    assert len(fs) == 2, [f.message for f in fs]
    main = next(f for f in fs if "disent 13,75" in f.message)
    assert main.level == "error"
    sides = main.explanation["sides"]
    assert [s["count"] for s in sides] == [12, 3]
    assert sides[0]["documents"] == [f"d{i:02d}.txt" for i in range(12)]
    assert sides[0]["not_shown"] == 12 - EVIDENCE_PER_SIDE
    assert len(main.evidence) == EVIDENCE_PER_SIDE + 3
    assert docs_of(main)[-3:] == ["d12.txt", "d13.txt", "d14.txt"]
    assert len({e.doc_id for e in main.evidence}) == len(main.evidence)  # one claim per article
    assert main.message == (
        "Montant investi par Microsoft dans OpenAI : 12 articles disent 13,75 milliards de dollars "
        "(d00, d01, d02, +9 autres) ; 3 articles disent ≥ 8 milliards de dollars (d12, d13, d14) ; incompatibles"
    )
    assert main.explanation["reason"]
    st = r.stats["numeric"]
    assert st["value_clusters"] == 3 and st["cluster_pairs_compared"] == 3
    assert st["claim_pairs_covered"] == 12 * 3 + 12 * 2 + 3 * 2


def test_comparisons_grow_with_distinct_values_not_articles(numeric):
    counts = []
    for n in (1, 4):
        r = numeric.check_texts(corpus(*([FULL] * (3 * n) + [LOW] * (2 * n) + [TEN] * n)))
        st = r.stats["numeric"]
        counts.append((st["cluster_pairs_compared"], st["claim_pairs_covered"], len(found(r, RULE))))
    (c1, p1, f1), (c4, p4, f4) = counts
    assert c1 == c4 == 3  # three values, three decisions, however many articles
    assert p4 == 16 * p1  # what pairwise comparison would have cost
    assert f1 == f4


def test_order_of_articles_does_not_change_findings(numeric):
    sentences = [FULL] * 5 + [LOW] * 3 + [TEN] * 2
    ref = numeric.check_texts(corpus(*sentences))
    names = list(corpus(*sentences))
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    texts = corpus(*sentences)
    again = numeric.check_texts({n: texts[n] for n in shuffled})
    key = lambda r: [(f.rule_id, f.level, f.message, [(e.doc_id, e.start) for e in f.evidence]) for f in r.findings]  # noqa: E731
    assert key(ref) == key(again)


def test_draft_mode_findings_contain_the_draft(numeric):
    texts = {"draft.txt": TEN}
    texts.update(corpus(*([FULL] * 4 + [LOW] * 2)))
    r = numeric.check_texts(texts, focus=["draft.txt"])
    fs = found(r, RULE)
    assert fs and all("draft.txt" in docs_of(f) for f in fs)
    # the corpus-internal 13.75 vs >= 8 disagreement is not about the draft
    assert not [f for f in fs if "disent 13,75" in f.message and "≥ 8" in f.message]
    ten_vs_full = next(f for f in fs if "disent 13,75" in f.message)
    assert sorted(docs_of(ten_vs_full)) == ["d00.txt", "d01.txt", "d02.txt", "d03.txt", "draft.txt"]
    st = r.stats["numeric"]
    assert st["cluster_pairs_compared"] == 2  # draft's value vs each other value; not 13.75 vs >= 8


def test_one_article_saying_two_values_is_not_a_finding_by_itself(numeric):
    both = FULL + " " + LOW
    assert not found(numeric.check_texts({"a.txt": both, "b.txt": "Il pleut."}), RULE)
    r = numeric.check_texts({"a.txt": both, "b.txt": FULL})
    (f,) = found(r, RULE)
    # only a's ">= 8" stands against b's "13.75"; a's own 13.75 is not opposed to a's >= 8
    assert sorted((e.doc_id, e.quote) for e in f.evidence) == [
        ("a.txt", "pas moins de 8 milliards de dollars"),
        ("b.txt", "13,75 milliards de dollars"),
    ]
    assert "a dit" in f.message and "b dit" in f.message


def test_planted_conflict_in_one_article_of_many_is_found(numeric):
    sentences = [FULL] * 8
    sentences[5] = LOW
    (f,) = found(numeric.check_texts(corpus(*sentences)), RULE)
    assert "d05.txt" in docs_of(f) and f.explanation["sides"][0]["count"] + f.explanation["sides"][1]["count"] == 8


# -- relation end to end ------------------------------------------------------------------------
def test_relation_many_articles_one_finding(relation):
    r = relation.check_texts(corpus(*([EXCL] * 6 + [PRIV] * 3)))
    fs = found(r, kind="relation")
    assert len(fs) == 1
    f = fs[0]
    assert f.level == "warning" and f.explanation["constraint"] == "exclusive_shared" and f.explanation["reason"]
    assert [s["count"] for s in f.explanation["sides"]] == [6, 3]
    assert len(f.evidence) == 9
    assert "6 articles disent" in f.message and "3 articles disent" in f.message
    st = r.stats["relation"]
    # two rules read each sentence (the built-in exclusive-rights and the pack's technology-access):
    # four value clusters, each pair of them compared once
    assert st["value_clusters"] == 4 and st["cluster_pairs_compared"] == 6 and st["claim_pairs_covered"] == 108


def test_relation_two_articles_unchanged(relation):
    (f,) = found(relation.check_texts({"x.txt": EXCL, "y.txt": PRIV}), kind="relation")
    assert f.message == (
        "Nature de l'accès divergente : Microsoft — accès à la technologie de — OpenAI (exclusif) "
        "(x.txt) vs Microsoft — accès à la technologie de — OpenAI (privilégié, non exclusif) (y.txt)"
    )
    assert docs_of(f) == ["x.txt", "y.txt"]


def test_relation_draft_mode(relation):
    texts = {"draft.txt": PRIV}
    texts.update(corpus(EXCL, EXCL, PRIV))
    (f,) = found(relation.check_texts(texts, focus=["draft.txt"]), kind="relation")
    assert docs_of(f) == ["draft.txt", "d00.txt", "d01.txt"] or docs_of(f) == ["d00.txt", "d01.txt", "draft.txt"]
    assert "d02.txt" not in docs_of(f)  # agrees with the draft; its disagreement with d00/d01 is not the draft's

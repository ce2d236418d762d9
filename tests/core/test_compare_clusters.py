"""checker.aggregate.compare_clusters: the loop numeric and relation share (clusters -> pairs ->
linked sides -> judge -> one finding per identity)."""

from __future__ import annotations

from checker.aggregate import compare_clusters
from checker.context import Options, RunContext
from checker.model import CandidateGroup, Claim, Evidence, Finding


def claim(doc: str, value: int, start: int = 0) -> Claim:
    return Claim(kind="probe", doc_id=doc, sentence=None, start=start, end=start + 1, keys=("k",), value=value)


def judge_different(side_a: list[Claim], side_b: list[Claim]) -> Finding | None:
    a, b = side_a[0], side_b[0]
    if a.value == b.value:
        return None
    return Finding(
        rule_id="probe",
        kind="probe",
        level="warning",
        message=f"{a.value} vs {b.value}",
        evidence=[Evidence(c.doc_id, c.start, c.end) for c in side_a + side_b],
    )


def run(claims: list[Claim], **kw):
    ctx = RunContext(options=Options())
    group = CandidateGroup(key="k", claims=claims)
    calls = []

    def judge(a, b):
        calls.append((a[0].value, b[0].value))
        return judge_different(a, b)

    got = compare_clusters(
        [group], lambda c: c.value, judge, ctx, kind="probe", identity=kw.pop("identity", lambda f: f.message), **kw
    )
    return got, calls, ctx.stats["probe"]


def test_one_judgement_per_pair_of_distinct_values_whatever_the_number_of_articles():
    claims = [claim(f"d{i}.txt", 10 if i % 2 else 13) for i in range(20)]
    findings, calls, stats = run(claims)
    assert calls == [(13, 10)]
    assert len(findings) == 1 and len({e.doc_id for e in findings[0].evidence}) == 20
    assert stats["value_clusters"] == 2 and stats["cluster_pairs_compared"] == 1 and stats["findings"] == 1


def test_same_document_on_both_sides_is_not_compared():
    findings, calls, _ = run([claim("a.txt", 1), claim("a.txt", 2, start=5)])
    assert findings == [] and calls == []


def test_identity_keeps_the_first_unless_rank_prefers_another():
    claims = [claim("a.txt", 1), claim("b.txt", 2), claim("c.txt", 3)]
    first, _, _ = run(list(claims), identity=lambda f: "same")
    assert [f.message for f in first] == ["1 vs 2"]
    ranked, _, _ = run(list(claims), identity=lambda f: "same", rank=lambda f: f.message)
    assert [f.message for f in ranked] == ["2 vs 3"]

"""Aggregated findings: one decision per pair of distinct values, not per pair of articles.

Inside a candidate group, claims with the same value signature (everything a rule type's
decision reads) form a ``ValueCluster``.  Comparing each pair of distinct clusters once
costs ~k²/2 for k distinct values, whatever the number of articles; a conflict becomes
one finding whose evidence has one claim per article on each side (capped, with every
article listed in ``explanation.sides``).  Used by the ``numeric`` and ``relation`` rule
types; any rule type can use it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from checker.model import CandidateGroup, Claim, Evidence, Finding
from checker.pairing import claim_sort_key

EVIDENCE_PER_SIDE = 10


class ValueCluster:
    """Claims of one candidate group that share a value signature, in claim order."""

    __slots__ = ("index", "signature", "claims", "docs")

    def __init__(self, index: int, signature) -> None:
        self.index = index
        self.signature = signature
        self.claims: list[Claim] = []
        self.docs: dict[str, Claim] = {}  # document -> its first claim in the cluster

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)

    def finish(self) -> None:
        self.claims.sort(key=claim_sort_key)
        for c in self.claims:
            self.docs.setdefault(c.doc_id, c)


def value_clusters(groups: Iterable[CandidateGroup], signature) -> tuple[list[ValueCluster], list[list[ValueCluster]]]:
    """Cluster the claims of ``groups`` by ``signature(claim)``.

    Returns the clusters (ordered by their first claim) and, per group, the clusters it
    holds (in group order).  A claim in several groups counts once; a signature should
    include the claim's blocking keys, so that equal signatures share the same groups.
    """
    by_sig: dict[Any, ValueCluster] = {}
    seen_claims: set[int] = set()
    per_group_sigs: list[list[Any]] = []
    for group in groups:
        sigs: dict[Any, None] = {}
        for c in group.claims:
            sig = signature(c)
            sigs[sig] = None
            if id(c) in seen_claims:
                continue
            seen_claims.add(id(c))
            cl = by_sig.get(sig)
            if cl is None:
                cl = by_sig[sig] = ValueCluster(len(by_sig), sig)
            cl.add(c)
        per_group_sigs.append(list(sigs))
    for cl in by_sig.values():
        cl.finish()
    ordered = sorted(by_sig.values(), key=lambda cl: (claim_sort_key(cl.claims[0]), cl.index))
    for i, cl in enumerate(ordered):
        cl.index = i
    per_group = [sorted((by_sig[s] for s in sigs), key=lambda cl: cl.index) for sigs in per_group_sigs]
    return ordered, per_group


def cluster_pairs(per_group: list[list[ValueCluster]]):
    """Each pair of distinct clusters sharing a group, once, in a deterministic order."""
    done: set[tuple[int, int]] = set()
    for members in per_group:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                key = (a.index, b.index)
                if key in done:
                    continue
                done.add(key)
                yield a, b


def _side(cluster: ValueCluster, other: ValueCluster, ctx) -> list[Claim]:
    """One claim per document of ``cluster`` that may be compared with some document of ``other``.

    ``ctx.allowed`` is asked about a few probes only: the first two documents of the other
    side (enough when any two different documents may be compared) and, in draft mode,
    the other side's focused documents.
    """
    other_docs = list(other.docs)
    probes = other_docs[:2]
    focus = getattr(ctx, "focus", None)
    if focus is not None:
        probes += [d for d in other_docs[2:] if d in focus]
    out = [c for d, c in cluster.docs.items() if any(ctx.allowed(d, p) for p in probes)]
    if focus is not None:
        out.sort(key=lambda c: (c.doc_id not in focus, claim_sort_key(c)))  # the draft first
    return out


def linked_sides(a: ValueCluster, b: ValueCluster, ctx) -> tuple[list[Claim], list[Claim]] | None:
    """The two sides of a cluster pair (one claim per document, representative first), or None.

    None when no two different documents across the sides may be compared (the same
    article on both sides; in draft mode, no draft among them).  The side whose
    representative comes first in claim order is returned first.
    """
    side_a, side_b = _side(a, b, ctx), _side(b, a, ctx)
    if not side_a or not side_b:
        return None
    if claim_sort_key(side_b[0]) < claim_sort_key(side_a[0]):
        side_a, side_b = side_b, side_a
    return side_a, side_b


def compare_clusters(
    groups: Iterable[CandidateGroup],
    signature: Callable[[Claim], Hashable],
    judge: Callable[[list[Claim], list[Claim]], Finding | None],
    ctx,
    *,
    kind: str,
    identity: Callable[[Finding], Hashable],
    rank: Callable[[Finding], Any] | None = None,
) -> list[Finding]:
    """The comparison loop of a value-clustering rule type, written once.

    Claims are clustered by ``signature``; each pair of distinct clusters sharing a group is
    linked into two sides (one claim per article, draft mode respected) and judged once by
    ``judge(side_a, side_b)`` (representatives are ``side[0]``); findings with the same
    ``identity`` are one finding, the first kept unless ``rank`` prefers a later one.
    Statistics go to ``ctx.stats[kind]``.
    """
    clusters, per_group = value_clusters(groups, signature)
    ctx.add_stat(kind, "value_clusters", len(clusters))
    best: dict[Hashable, Finding] = {}
    for cl_a, cl_b in cluster_pairs(per_group):
        sides = linked_sides(cl_a, cl_b, ctx)
        if sides is None:
            continue  # no two different (draft-mode allowed) documents across the sides
        ctx.add_stat(kind, "comparisons", 1)
        ctx.add_stat(kind, "cluster_pairs_compared", 1)
        ctx.add_stat(kind, "claim_pairs_covered", covered_pairs(*sides))
        f = judge(*sides)
        if f is None:
            continue
        key = identity(f)
        if key not in best or (rank is not None and rank(f) > rank(best[key])):
            best[key] = f
    ctx.add_stat(kind, "findings", len(best))
    return list(best.values())


def covered_pairs(side_a: list[Claim], side_b: list[Claim]) -> int:
    """How many document pairs one cluster-pair decision stands for (what pairwise comparison would cost)."""
    docs_b = {c.doc_id for c in side_b}
    return len(side_a) * len(side_b) - sum(1 for c in side_a if c.doc_id in docs_b)


def capped_evidence(side: list[Claim], cap: int = EVIDENCE_PER_SIDE, *, whole_sentence: bool = False) -> list[Evidence]:
    return [Evidence.from_claim(c, whole_sentence=whole_sentence) for c in side[:cap]]


def side_summary(count: int, value: str, names: list[str], language: str | None, shown: int = 3) -> str:
    """``3 articles say 13.75 bn USD (000, 003, 005, +2 more)``."""
    from checker.i18n.catalog import plural, t

    head = t("side.one" if count == 1 else "side.many", language, n=count)
    listed = ", ".join(names[:shown])
    if len(names) > shown:
        listed += ", " + plural("side.more", len(names) - shown, language, k=len(names) - shown)
    return f"{head} {value} ({listed})"


def message_language(rule, claim: Claim, ctx, doc_ids: list[str] | None = None) -> str:
    """The language a finding's message speaks: the finding's (``checker.i18n.choose``: its
    articles', ``--lang`` overriding), except that a rule's own ``message:`` template keeps the
    language it is written in (the rule's first language)."""
    from checker.i18n.choose import finding_language, rule_language

    fallback = claim.sentence.language if claim.sentence is not None else None
    return rule_language(rule, finding_language(ctx, doc_ids or [claim.doc_id], fallback=fallback))


def summary_message(rule, parts: list[str], tail: str = "", language: str | None = None) -> str:
    """``<title>: <side>; <side>; <tail>`` for findings with more than one article on a side.

    The title is the literal head of the rule's message (``Montant investi ... :``), else
    the first line of its description, else its id.
    """
    from checker.i18n.catalog import t

    lang = language or ((rule.languages or ("en",))[0] if getattr(rule, "languages", None) else "en")
    title = ""
    msg = getattr(rule, "message", "") or ""
    if msg and not msg.startswith("{"):
        head = msg.split("{", 1)[0]
        if ":" in head:
            title = head.rsplit(":", 1)[0].strip()
    if not title:
        desc = (getattr(rule, "description", "") or "").strip()
        title = desc.splitlines()[0].rstrip(".") if desc else rule.id
    body = t("list.sep", lang).join(parts + ([tail] if tail else []))
    return f"{title}{t('title.sep', lang)}{body}"


def sides_explanation(
    sides: list[list[Claim]], values: list[str], cap: int = EVIDENCE_PER_SIDE, *, whole_sentence: bool = False
) -> list[dict]:
    """Every document of each side (not only the ones shown as evidence), with counts.

    ``documents`` and ``spans`` (document offsets of each document's claim, as in its
    evidence) are aligned; the first ``evidence_shown`` of them are the finding's evidence.
    """
    out = []
    for side, value in zip(sides, values):
        spans = [[c.sentence.start, c.sentence.end] if whole_sentence else [c.start, c.end] for c in side]
        out.append(
            {
                "value": value,
                "count": len(side),
                "documents": [c.doc_id for c in side],
                "spans": spans,
                "evidence_shown": min(cap, len(side)),
                "not_shown": max(0, len(side) - cap),
            }
        )
    return out

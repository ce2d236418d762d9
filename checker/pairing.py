"""Cross-document candidate pairing shared by rule types.

Never all pairs: claims are blocked by key (a slot, a canonical entity, a term), so the
number of comparisons grows with the size of the blocks, not with the square of the
corpus.  Rule types that rank candidates by similarity use ``top_k_pairs``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from checker.model import CandidateGroup, Claim


def claim_sort_key(claim: Claim) -> tuple:
    return (claim.doc_id, claim.start, claim.end, claim.rule_id or "")


def group_by_keys(claims: Iterable[Claim], ctx) -> list[CandidateGroup]:
    """Group claims sharing a blocking key; keep groups spanning two allowed documents.

    Groups are returned in a deterministic order (by key), claims inside sorted by
    document and offset.  A claim with several keys may appear in several groups.
    """
    blocks: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        for key in dict.fromkeys(claim.keys):
            blocks[key].append(claim)
    groups = []
    for key in sorted(blocks):
        members = sorted(blocks[key], key=claim_sort_key)
        docs = sorted({c.doc_id for c in members})
        if len(docs) < 2:
            continue
        if ctx.focus is not None and not any(d in ctx.focus for d in docs):
            continue
        groups.append(CandidateGroup(key=key, claims=members))
    return groups


def cross_pairs(group: CandidateGroup, ctx) -> Iterator[tuple[Claim, Claim]]:
    """Every allowed (different documents, draft-mode aware) pair in a group, deterministic."""
    claims = group.claims
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if ctx.allowed(a.doc_id, b.doc_id):
                yield a, b


def unique_pairs(groups: Iterable[CandidateGroup], ctx) -> list[tuple[Claim, Claim]]:
    """Allowed pairs over several groups, each pair once (claims can share several keys)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for group in groups:
        for a, b in cross_pairs(group, ctx):
            ident = (id(a), id(b)) if id(a) < id(b) else (id(b), id(a))
            if ident in seen:
                continue
            seen.add(ident)
            out.append((a, b))
    return out


def top_k_pairs(
    claims: list[Claim],
    ctx,
    score: Callable[[Claim, Claim], float],
    *,
    k: int = 3,
    min_score: float = 0.0,
) -> list[tuple[Claim, Claim, float]]:
    """For each claim, its ``k`` best-scoring partners among candidates sharing a key.

    Candidates are first blocked by key (``group_by_keys``), then ranked by ``score``;
    a pair kept by either side is returned once, ordered deterministically.
    """
    partners: dict[int, list[tuple[float, Claim]]] = defaultdict(list)
    by_id = {id(c): c for c in claims}
    for a, b in unique_pairs(group_by_keys(claims, ctx), ctx):
        s = score(a, b)
        if s < min_score:
            continue
        partners[id(a)].append((s, b))
        partners[id(b)].append((s, a))
    kept: dict[tuple[int, int], tuple[Claim, Claim, float]] = {}
    for cid, cands in partners.items():
        a = by_id[cid]
        cands.sort(key=lambda item: (-item[0], claim_sort_key(item[1])))
        for s, b in cands[:k]:
            first, second = sorted((a, b), key=claim_sort_key)
            kept[(id(first), id(second))] = (first, second, s)
    return sorted(kept.values(), key=lambda t: (claim_sort_key(t[0]), claim_sort_key(t[1])))

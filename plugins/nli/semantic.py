"""Which sentence pairs are worth an NLI model call, by meaning (sentence embeddings).

Every statement has a vector from the run's multilingual sentence encoder
(``RunContext.embed``), so a French sentence and its English counterpart are neighbours.
For each statement the ``k`` most similar sentences of *other* documents become
candidates (cosine at least ``min_similarity``), then the pairs are kept most similar
first under two bounds: a sentence takes part in at most ``max_pairs_per_sentence`` pairs
and an article in at most ``max_pairs_per_article``.  The number of NLI pairs is
therefore at most ``max_pairs_per_article`` x articles / 2, linear in the corpus size.

Determinism: statements are put in canonical order (document id, offsets) and texts in
string order before any vector work (so the same numbers are computed whatever the
input order); similarities are rounded (1e-6) before ranking; ties are broken by document id and
offset, never by input position.  The same text in several documents (wire copies) is
one column: its partner occurrence is chosen at a stable place per statement, so copies
spread over the corpus instead of all pairing with the first document.

``candidates.py`` (blocking + TF-IDF) stays the fallback when no encoder is available.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .candidates import Statement, cross_document_total

ROUND = 6
ROW_BLOCK = 512


def _stable(*parts: Any) -> int:
    data = "\0".join(map(str, parts)).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _pos(st: Statement) -> tuple[str, int, int]:
    return (st.doc_id, st.sentence.start, st.sentence.end)


@dataclass
class _Index:
    """Statements in canonical order, their distinct texts (columns) and vectors."""

    statements: list[Statement]
    texts: list[str]
    members: list[list[int]]  # column -> statement indices (canonical order)
    column: list[int]  # statement -> its column
    matrix: Any  # (columns, dim) float32, L2-normalised rows
    col_doc: Any  # column -> document code when all its members share one, else -1
    row_doc: Any  # statement -> document code


def build_index(statements: list[Statement], vectors: list[Any]) -> tuple[_Index, int]:
    """The index of the statements that have a vector; returns it and how many had none."""
    import numpy as np

    pairs = sorted(((st, v) for st, v in zip(statements, vectors) if v is not None), key=lambda t: _pos(t[0]))
    missing = len(statements) - len(pairs)
    stmts = [st for st, _ in pairs]
    texts = sorted({st.text for st in stmts})
    at = {t: i for i, t in enumerate(texts)}
    members: list[list[int]] = [[] for _ in texts]
    vec_of: dict[int, Any] = {}
    for i, (st, v) in enumerate(pairs):
        c = at[st.text]
        members[c].append(i)
        vec_of.setdefault(c, v)
    dim = len(pairs[0][1]) if pairs else 0
    matrix = np.zeros((len(texts), dim), dtype=np.float32)
    for c in range(len(texts)):
        matrix[c] = np.asarray(vec_of[c], dtype=np.float32)
    docs = {d: n for n, d in enumerate(sorted({st.doc_id for st in stmts}))}
    row_doc = np.array([docs[st.doc_id] for st in stmts], dtype=np.int64)
    col_doc = np.array([row_doc[m[0]] if len({row_doc[j] for j in m}) == 1 else -1 for m in members], dtype=np.int64)
    return _Index(stmts, texts, members, [at[st.text] for st in stmts], matrix, col_doc, row_doc), missing


def ranked_columns(
    index: _Index, rows: list[int], pool: int, min_similarity: float
) -> dict[int, list[tuple[float, int]]]:
    """For each row: up to ``pool`` (similarity, column) of other texts, most similar first."""
    import numpy as np

    out: dict[int, list[tuple[float, int]]] = {}
    n_cols = len(index.texts)
    if not rows or not n_cols:
        return out
    own_doc_cols: dict[int, Any] = defaultdict(list)  # columns found only in that document
    for c, d in enumerate(index.col_doc.tolist()):
        if d >= 0:
            own_doc_cols[d].append(c)
    own_doc_cols = {d: np.array(cols) for d, cols in own_doc_cols.items()}
    take = min(pool, n_cols)
    for at in range(0, len(rows), ROW_BLOCK):
        block = rows[at : at + ROW_BLOCK]
        sims = index.matrix[[index.column[i] for i in block]] @ index.matrix.T
        for r, i in enumerate(block):
            sims[r, index.column[i]] = -np.inf  # the same text is never a partner
            cols = own_doc_cols.get(int(index.row_doc[i]))
            if cols is not None:
                sims[r, cols] = -np.inf  # nor a text found only in this document
        top = (
            np.argpartition(sims, n_cols - take, axis=1)[:, n_cols - take :]
            if take < n_cols
            else np.tile(np.arange(n_cols), (len(block), 1))
        )
        for r, i in enumerate(block):
            vals = np.round(sims[r, top[r]].astype(np.float64), ROUND)
            cand = [(float(v), int(c)) for v, c in zip(vals, top[r]) if v >= min_similarity]
            cand.sort(key=lambda t: (-t[0], t[1]))  # columns are in text order: order-free ties
            out[i] = cand
    return out


def _partner(index: _Index, i: int, col: int, ctx: Any) -> int | None:
    """An occurrence of column ``col`` in another allowed document, at a stable place."""
    st = index.statements[i]
    members = index.members[col]
    start = _stable(*_pos(st), col) % len(members)
    for step in range(len(members)):
        j = members[(start + step) % len(members)]
        other = index.statements[j]
        if other.doc_id != st.doc_id and ctx.allowed(st.doc_id, other.doc_id):
            return j
    return None


def _propose(
    index: _Index,
    ranked: dict[int, list[tuple[float, int]]],
    ctx: Any,
    k: int,
    skip: Callable[[Statement, Statement], bool] | None,
    counts: dict[str, int],
) -> dict[tuple[int, int], float]:
    """Each row's ``k`` best partners (pairs ``skip`` rejects do not take a slot)."""
    proposals: dict[tuple[int, int], float] = {}
    rejected: set[tuple[int, int]] = set()
    for i in sorted(ranked):
        taken = 0
        for sim, col in ranked[i]:
            if taken >= k:
                break
            counts["candidates_examined"] += 1
            j = _partner(index, i, col, ctx)
            if j is None:
                continue
            ij = (min(i, j), max(i, j))
            if ij in rejected:
                continue
            if ij not in proposals:
                if skip is not None and skip(index.statements[i], index.statements[j]):
                    rejected.add(ij)
                    counts["skipped"] += 1
                    continue
                proposals[ij] = sim
            taken += 1
    counts["proposed"] = len(proposals)
    return proposals


def _bounded(
    index: _Index, proposals: dict[tuple[int, int], float], cap: int, per_article: int, counts: dict[str, int]
) -> list[tuple[int, int]]:
    """Most similar first; a sentence in at most ``cap`` pairs, an article in ``per_article``."""
    sts = index.statements
    degree: dict[int, int] = defaultdict(int)
    per_doc: dict[str, int] = defaultdict(int)
    kept = []
    for ij in sorted(proposals, key=lambda ij: (-proposals[ij], _pos(sts[ij[0]]), _pos(sts[ij[1]]))):
        i, j = ij
        if degree[i] >= cap or degree[j] >= cap:
            counts["capped"] += 1
            continue
        da, db = sts[i].doc_id, sts[j].doc_id
        if per_doc[da] >= per_article or per_doc[db] >= per_article:
            counts["capped_article"] += 1
            continue
        degree[i] += 1
        degree[j] += 1
        per_doc[da] += 1
        per_doc[db] += 1
        kept.append(ij)
    return kept


def semantic_pairs(
    statements: list[Statement],
    vectors: list[Any],
    ctx: Any,
    *,
    k: int = 3,
    min_similarity: float = 0.8,
    max_pairs_per_sentence: int | None = None,
    max_pairs_per_article: int = 30,
    skip: Callable[[Statement, Statement], bool] | None = None,
    info: dict[str, int] | None = None,
) -> tuple[list[tuple[Statement, Statement, float]], int]:
    """Pairs of statements of different documents to score, by embedding similarity.

    ``vectors[i]`` is the L2-normalised vector of ``statements[i]`` (None: left out).
    Returns (pairs ordered by document and offset, number of allowed cross-document pairs).
    Draft mode (``ctx.focus``): only statements of focused documents choose partners.
    ``info`` receives ``candidates_examined``, ``skipped``, ``proposed``, ``capped``,
    ``capped_article`` and ``no_vector``.
    """
    total = cross_document_total(statements, ctx)
    index, missing = build_index(statements, vectors)
    focus = getattr(ctx, "focus", None)
    rows = [i for i, st in enumerate(index.statements) if focus is None or st.doc_id in focus]
    counts = {
        "candidates_examined": 0,
        "skipped": 0,
        "proposed": 0,
        "capped": 0,
        "capped_article": 0,
        "no_vector": missing,
    }
    ranked = ranked_columns(index, rows, pool=max(4 * k, k + 8), min_similarity=min_similarity)
    proposals = _propose(index, ranked, ctx, k, skip, counts)
    cap = max(k, max_pairs_per_sentence if max_pairs_per_sentence is not None else 3 * k)
    kept = _bounded(index, proposals, cap, max(1, int(max_pairs_per_article)), counts)
    out = []
    for i, j in kept:
        a, b = index.statements[i], index.statements[j]
        out.append((a, b, proposals[(i, j)]))  # i < j: canonical order already
    out.sort(key=lambda t: (_pos(t[0]), _pos(t[1])))
    if info is not None:
        for key, v in counts.items():
            info[key] = info.get(key, 0) + v
    return out, total

"""The same defined term across languages, by the embedding of the term.

Within one language, definitions of one term share a lexical key (``term:`` + its sorted
words, see ``definitions.term_keys``).  Across languages the words differ ("artificial
general intelligence" / "intelligence artificielle générale"), so each term key is also
embedded (the alias as written, ``kind="query"``: short, symmetric texts) and two keys of
*different* languages are linked when they are each other's most similar key in the
other language (mutual best) with a cosine of at least ``min_similarity``.  A definition
then carries the keys linked to its own, which is how ``definition_pairs`` finds it.

Mutual best (not a bare threshold) because short terms are close in e5 space: "IA"
and "IA générale" are nearer each other than many true translations.  Order-free: keys
and languages are sorted before anything is compared; ties go to the smaller key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .definitions import Definition, strip_article, term_keys


def term_entries(defs: list[Definition]) -> dict[tuple[str, str], str]:
    """(language, term key) -> the alias text to embed (the smallest alias giving that key)."""
    out: dict[tuple[str, str], str] = {}
    for d in defs:
        lang = d.sentence.language or "?"
        for alias in d.aliases:
            for key in sorted(term_keys(alias)):
                text = " ".join(strip_article(alias).split())
                if (lang, key) not in out or text < out[(lang, key)]:
                    out[(lang, key)] = text
    return out


def _mutual_best(
    left: list[tuple[str, Any]], right: list[tuple[str, Any]], min_similarity: float
) -> list[tuple[str, str]]:
    """Pairs (key_l, key_r) that are each other's best match, at least ``min_similarity``."""
    import numpy as np

    if not left or not right:
        return []
    a = np.stack([np.asarray(v, dtype=np.float64) for _, v in left])
    b = np.stack([np.asarray(v, dtype=np.float64) for _, v in right])
    sims = np.round(a @ b.T, 6)
    best_r = np.argmax(sims, axis=1)  # first maximum: keys are sorted, so ties go to the smaller key
    best_l = np.argmax(sims, axis=0)
    return [(left[i][0], right[j][0]) for i, j in enumerate(best_r) if best_l[j] == i and sims[i, j] >= min_similarity]


def linked_keys(
    defs: list[Definition], embed: Callable[..., list[Any]], *, min_similarity: float = 0.85
) -> dict[str, set[str]]:
    """Term key -> keys of other languages that name the same term."""
    entries = term_entries(defs)
    items = sorted(entries.items())
    vectors = embed([text for _, text in items], kind="query") if items else []
    by_lang: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for ((lang, key), _), vec in zip(items, vectors):
        if vec is not None:
            by_lang[lang].append((key, vec))
    links: dict[str, set[str]] = defaultdict(set)
    langs = sorted(by_lang)
    for x, lx in enumerate(langs):
        for ly in langs[x + 1 :]:
            for ka, kb in _mutual_best(by_lang[lx], by_lang[ly], min_similarity):
                if ka != kb:
                    links[ka].add(kb)
                    links[kb].add(ka)
    return links


def with_linked_keys(
    defs: list[Definition], embed: Callable[..., list[Any]], *, min_similarity: float = 0.85
) -> tuple[list[Definition], int]:
    """Copies of the definitions that also carry the keys linked to theirs (inputs unchanged);
    returns them and the number of cross-language links found."""
    links = linked_keys(defs, embed, min_similarity=min_similarity)
    out = []
    for d in defs:
        extra = set().union(*(links.get(k, set()) for k in d.keys)) if d.keys else set()
        out.append(replace(d, keys=set(d.keys) | extra) if extra - d.keys else d)
    return out, sum(len(v) for v in links.values()) // 2

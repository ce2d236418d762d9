"""Which sentence pairs are worth an NLI model call (the cost driver).

Every statement gets blocking keys (canonical entity ids from the ``entities``
annotator, plus its content lemmas) and a TF-IDF vector of its content lemmas.  Keys
that occur in too many sentences (``max_df`` of them, and never more than
``max_candidates``: "Microsoft" in an article about Microsoft) do not block: two
sentences must share a reasonably specific key to become candidates.  Candidates are
ranked by cosine similarity and each statement keeps its ``k`` best partners over all
other documents, with a cap on the pairs any one sentence takes part in.  The number of
pairs therefore grows linearly with the number of statements.  Never all pairs.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from checker.model import Sentence

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*", re.UNICODE)
_NUMERIC = re.compile(r"\d")
MONTHS = {
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "milliard",
    "milliards",
    "million",
    "millions",
    "billion",
    "billions",
    "mille",
    "thousand",
    "trillion",
    "pour",
    "cent",
    "percent",
    "%",
    "€",
    "$",
    "dollar",
    "dollars",
    "euro",
    "euros",
}
SCALE_WORDS = {"milliard", "million", "billion", "trillion", "mille", "thousand", "dollar", "euro", "cent", "percent"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"}
NEGATIONS = {
    "ne",
    "pas",
    "jamais",
    "aucun",
    "aucune",
    "ni",
    "non",
    "not",
    "no",
    "never",
    "none",
    "nor",
    "sans",
    "without",
}
STOP = {
    # tiny fallback list when no spaCy stop words are available
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "de",
    "du",
    "et",
    "ou",
    "à",
    "au",
    "aux",
    "en",
    "dans",
    "pour",
    "par",
    "sur",
    "avec",
    "ce",
    "cet",
    "cette",
    "ces",
    "qui",
    "que",
    "est",
    "sont",
    "a",
    "ont",
    "il",
    "elle",
    "ils",
    "elles",
    "the",
    "an",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "for",
    "with",
    "is",
    "are",
    "was",
    "were",
    "be",
    "it",
    "this",
    "that",
    "these",
    "those",
    "by",
    "as",
    "at",
    "from",
    "has",
    "have",
    "had",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "se",
    "ne",
    "plus",
    "être",
    "avoir",
    "its",
    "their",
    "his",
    "her",
}


def lower_nfc(text: str) -> str:
    """Lower case, NFC, straight apostrophes; accents kept (for NLI term overlap)."""
    return unicodedata.normalize("NFC", text).lower().replace("’", "'")


@dataclass(eq=False)
class Statement:
    """One sentence considered for NLI."""

    sentence: Sentence
    text: str
    content: list[str] = field(default_factory=list)  # content lemmas (no numbers)
    numbers: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    negated: bool = False
    vec: dict[str, float] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.sentence.doc_id


def analyse(sentence: Sentence, text: str | None = None) -> Statement:
    """Content lemmas, numbers and blocking keys of a sentence (spaCy tokens when present)."""
    text = " ".join((text if text is not None else sentence.text).split())
    content: list[str] = []
    numbers: list[str] = []
    negated = False
    toks = sentence.tokens
    if toks is not None and text == " ".join(sentence.text.split()):
        for t in toks:
            low = lower_nfc(t.text)
            lemma = lower_nfc(t.lemma_ or t.text) or low
            if low in NEGATIONS or lemma in NEGATIONS or getattr(t, "dep_", "") == "neg":
                negated = True
            if t.is_punct or t.is_space:
                continue
            if _NUMERIC.search(t.text) or t.like_num or lemma in MONTHS or low in MONTHS:
                numbers.append(low)
                continue
            if t.is_stop or low in STOP or len(low) < 2:
                continue
            if t.pos_ and t.pos_ not in CONTENT_POS:
                continue
            content.append(lemma)
    else:
        for m in _WORD.finditer(text):
            low = lower_nfc(m.group(0))
            if low in NEGATIONS:
                negated = True
            if _NUMERIC.search(low) or low in MONTHS:
                numbers.append(low)
            elif low not in STOP and len(low) > 2:
                content.append(low[:-1] if low.endswith("s") and len(low) > 4 else low)
    st = Statement(sentence=sentence, text=text, content=content, numbers=numbers, negated=negated)
    st.keys = {f"ent:{e.id}" for e in sentence.entities} | {f"lem:{w}" for w in content}
    return st


def numbers_only_difference(a: Statement, b: Statement, jaccard: float = 0.75) -> bool:
    """True when the two sentences say the same words and differ only in numbers/dates.

    Those pairs belong to the numeric rule type; NLI would report the same spans again.
    """
    if not a.numbers or not b.numbers or sorted(a.numbers) == sorted(b.numbers):
        return False
    if a.negated != b.negated:
        return False
    ca, cb = set(a.content), set(b.content)
    if not ca or not cb:
        return True
    return len(ca & cb) / len(ca | cb) >= jaccard


def vectorise(statements: list[Statement]) -> dict[str, int]:
    """TF-IDF vectors (L2-normalised) over content lemmas; returns document frequencies of keys."""
    n = len(statements)
    df: dict[str, int] = defaultdict(int)
    key_df: dict[str, int] = defaultdict(int)
    for st in statements:
        for w in set(st.content):
            df[w] += 1
        for k in st.keys:
            key_df[k] += 1
    for st in statements:
        tf: dict[str, int] = defaultdict(int)
        for w in st.content:
            tf[w] += 1
        vec = {w: (1 + math.log(c)) * (math.log((n + 1) / (df[w] + 1)) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        st.vec = {w: v / norm for w, v in vec.items()}
    return key_df


def cosine(a: Statement, b: Statement) -> float:
    """Symmetric to the last bit: cosine(a, b) == cosine(b, a) (pair ranking must not depend on input order)."""
    if (len(a.vec), a.doc_id, a.sentence.start) > (len(b.vec), b.doc_id, b.sentence.start):
        a, b = b, a
    return sum(v * b.vec.get(w, 0.0) for w, v in a.vec.items())


def _tie(a: Statement, b: Statement) -> bytes:
    """Deterministic, order-free tie-breaker between equally similar partners.

    Ranking equal scores by document order would make the first documents of the corpus
    everyone's partner (hubs); a stable hash of both positions spreads ties instead,
    and is the same in every run and process (unlike ``hash()``).
    """
    x, y = sorted(((a.doc_id, a.sentence.start), (b.doc_id, b.sentence.start)))
    return hashlib.blake2b(f"{x[0]}\0{x[1]}\0{y[0]}\0{y[1]}".encode("utf-8", "surrogatepass"), digest_size=8).digest()


def _offset(st: Statement, key: str) -> int:
    h = hashlib.blake2b(
        f"{st.doc_id}\0{st.sentence.start}\0{key}".encode("utf-8", "surrogatepass"), digest_size=8
    ).digest()
    return int.from_bytes(h, "big")


def cross_document_total(statements: list[Statement], ctx: Any) -> int:
    """Number of allowed cross-document statement pairs (what "all pairs" would cost)."""
    per_doc: dict[str, int] = defaultdict(int)
    for st in statements:
        per_doc[st.doc_id] += 1
    n = sum(per_doc.values())
    every = (n * n - sum(c * c for c in per_doc.values())) // 2
    focus = getattr(ctx, "focus", None)
    if focus is None:
        return every
    rest = [c for d, c in per_doc.items() if d not in focus]
    m = sum(rest)
    return every - (m * m - sum(c * c for c in rest)) // 2


def candidate_pairs(
    statements: list[Statement],
    ctx: Any,
    *,
    k: int = 3,
    min_similarity: float = 0.2,
    max_df: float = 0.1,
    min_block_df: int = 4,
    max_candidates: int = 200,
    max_pairs_per_sentence: int | None = None,
    skip: Callable[[Statement, Statement], bool] | None = None,
    info: dict[str, int] | None = None,
) -> tuple[list[tuple[Statement, Statement, float]], int]:
    """Each statement's ``k`` most similar partners over all other documents.

    Returns (pairs ordered by document and offset, number of allowed cross-document pairs).

    * **Blocking**: a candidate shares a key (canonical entity, content lemma) with the
      statement.  A key blocks only when it is selective: in at most
      ``max(min_block_df, max_df * n)`` statements, so "Microsoft" in a corpus about
      Microsoft never does, however large the corpus.
    * **Bounded work**: a statement's keys are taken rarest first and candidates are
      collected until ``max_candidates`` are reached; when the next key's statements do
      not all fit, a window of them is taken at a stable place that depends on the
      statement.  The work per statement does not grow with the corpus.
    * **Ranking**: TF-IDF cosine (at least ``min_similarity``); ties broken by a stable
      hash of both positions.  Partners with the very same text are skipped (a sentence
      does not contradict itself), and so are pairs ``skip(a, b)`` rejects (e.g. numbers
      only: the numeric rule type's business) so that they do not take a slot.
    * **Draft mode** (``ctx.focus``): only statements of focused documents choose
      partners (their top-k is over the whole corpus), so the cost grows with the draft,
      not with the corpus.
    * **Cap**: a pair kept by either side is kept once; a statement takes part in at most
      ``max_pairs_per_sentence`` pairs (default ``3 * k``; never below ``k``), best pairs
      first, so that a sentence that is everyone's nearest neighbour does not collect
      pairs without bound.

    ``info`` (optional dict) receives counters: ``candidates_examined``,
    ``skipped_same_text``, ``skipped``, ``proposed``, ``capped``.
    """
    # canonical order: the result does not depend on the order statements come in
    statements = sorted(statements, key=lambda st: (st.doc_id, st.sentence.start, st.sentence.end))
    total = cross_document_total(statements, ctx)
    key_df = vectorise(statements)
    postings = _postings(statements, key_df, max(min_block_df, int(max_df * len(statements))))
    cap = max(k, max_pairs_per_sentence if max_pairs_per_sentence is not None else 3 * k)
    focus = getattr(ctx, "focus", None)
    counts = {"candidates_examined": 0, "skipped_same_text": 0, "skipped": 0, "proposed": 0, "capped": 0}
    proposals: dict[tuple[int, int], float] = {}
    rejected: set[tuple[int, int]] = set()
    for i, st in enumerate(statements):
        if focus is not None and st.doc_id not in focus:
            continue
        cands = _gather(st, i, postings, key_df, max_candidates)
        ranked = _rank(st, cands, statements, ctx, min_similarity, counts)
        _take(i, ranked, statements, k, skip, proposals, rejected, counts)
    counts["proposed"] = len(proposals)
    counts["skipped"] = len(rejected)
    kept = _cap(statements, proposals, cap, counts)
    out = []
    for i, j in kept:
        a, b = statements[i], statements[j]
        if (a.doc_id, a.sentence.start) > (b.doc_id, b.sentence.start):
            a, b = b, a
        out.append((a, b, proposals[(i, j)]))
    out.sort(key=lambda t: (t[0].doc_id, t[0].sentence.start, t[1].doc_id, t[1].sentence.start))
    if info is not None:
        for key, v in counts.items():
            info[key] = info.get(key, 0) + v
    return out, total


def _postings(statements: list[Statement], key_df: dict[str, int], limit: int) -> dict[str, list[int]]:
    """Selective key -> statement indices (keys in more than ``limit`` statements do not block)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        for key in st.keys:
            if key_df[key] <= limit:
                postings[key].append(i)
    return postings


def _gather(
    st: Statement, i: int, postings: dict[str, list[int]], key_df: dict[str, int], max_candidates: int
) -> set[int]:
    """Candidates of one statement: rarest keys first, at most ``max_candidates``."""
    cands: set[int] = set()
    for key in sorted((key for key in st.keys if key in postings), key=lambda key: (key_df[key], key)):
        posting = postings[key]
        room = max_candidates - len(cands)
        if len(posting) <= room:
            cands.update(posting)
        else:
            # a window of the posting, at a stable place that depends on the statement
            # (so that different statements look at different members): bounded work
            at = _offset(st, key) % len(posting)
            cands.update(posting[at : at + room])
            cands.update(posting[: max(0, at + room - len(posting))])  # wrap around
        if len(cands) >= max_candidates:
            break
    cands.discard(i)
    return cands


def _rank(
    st: Statement, cands: set[int], statements: list[Statement], ctx: Any, min_similarity: float, counts: dict[str, int]
) -> list[tuple[float, bytes, int]]:
    """Allowed candidates of other documents, most similar first (ties by a stable hash)."""
    ranked: list[tuple[float, bytes, int]] = []
    for j in cands:
        other = statements[j]
        if other.doc_id == st.doc_id or not ctx.allowed(st.doc_id, other.doc_id):
            continue
        counts["candidates_examined"] += 1
        s = cosine(st, other)
        if s < min_similarity:
            continue
        ranked.append((-s, _tie(st, other), j))
    ranked.sort()
    return ranked


def _take(
    i: int,
    ranked: list[tuple[float, bytes, int]],
    statements: list[Statement],
    k: int,
    skip: Callable[[Statement, Statement], bool] | None,
    proposals: dict[tuple[int, int], float],
    rejected: set[tuple[int, int]],
    counts: dict[str, int],
) -> None:
    """The statement's ``k`` best partners into ``proposals`` (same text and ``skip`` take no slot)."""
    st = statements[i]
    taken = 0
    for neg, _, j in ranked:
        if taken >= k:
            break
        other = statements[j]
        if other.text == st.text:
            counts["skipped_same_text"] += 1
            continue
        ij = (min(i, j), max(i, j))
        if ij in rejected:
            continue
        if ij not in proposals:
            if skip is not None and skip(st, other):
                rejected.add(ij)
                continue
            proposals[ij] = -neg
        taken += 1


def _cap(
    statements: list[Statement], proposals: dict[tuple[int, int], float], cap: int, counts: dict[str, int]
) -> list[tuple[int, int]]:
    """Best pairs first, deterministic; a statement takes part in at most ``cap`` pairs."""
    degree: dict[int, int] = defaultdict(int)
    kept: list[tuple[int, int]] = []
    for ij in sorted(proposals, key=lambda ij: (-proposals[ij], _tie(statements[ij[0]], statements[ij[1]]), ij)):
        i, j = ij
        if degree[i] >= cap or degree[j] >= cap:
            counts["capped"] += 1
            continue
        degree[i] += 1
        degree[j] += 1
        kept.append(ij)
    return kept

"""Which sentence pairs are worth an NLI model call (the cost driver).

Every statement gets blocking keys (canonical entity ids from the ``entities``
annotator, plus its content lemmas) and a TF-IDF vector of its content lemmas.  Keys
that occur in too many sentences (``max_df``: "Microsoft" in an article about
Microsoft) do not block: two sentences must share a reasonably specific key to become
candidates.  Candidates are ranked by cosine similarity and each statement keeps its
``k`` best partners per other document.  Never all pairs.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from checker.model import Sentence

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*", re.UNICODE)
_NUMERIC = re.compile(r"\d")
MONTHS = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "milliard", "milliards", "million", "millions", "billion", "billions", "mille",
    "thousand", "trillion", "pour", "cent", "percent", "%", "€", "$", "dollar", "dollars", "euro", "euros",
}
SCALE_WORDS = {"milliard", "million", "billion", "trillion", "mille", "thousand", "dollar", "euro", "cent", "percent"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"}
NEGATIONS = {"ne", "pas", "jamais", "aucun", "aucune", "ni", "non", "not", "no", "never", "none", "nor", "sans", "without"}
STOP = {
    # tiny fallback list when no spaCy stop words are available
    "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "à", "au", "aux", "en", "dans", "pour", "par",
    "sur", "avec", "ce", "cet", "cette", "ces", "qui", "que", "est", "sont", "a", "ont", "il", "elle", "ils", "elles",
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "is", "are", "was", "were", "be", "it",
    "this", "that", "these", "those", "by", "as", "at", "from", "has", "have", "had", "son", "sa", "ses", "leur",
    "leurs", "se", "ne", "plus", "être", "avoir", "its", "their", "his", "her",
}


def fold(text: str) -> str:
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
            low = fold(t.text)
            lemma = fold(t.lemma_ or t.text) or low
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
            low = fold(m.group(0))
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
    if len(a.vec) > len(b.vec):
        a, b = b, a
    return sum(v * b.vec.get(w, 0.0) for w, v in a.vec.items())


def candidate_pairs(statements: list[Statement], ctx: Any, *, k: int = 3, min_similarity: float = 0.2,
                    max_df: float = 0.1, min_block_df: int = 4) -> tuple[list[tuple[Statement, Statement, float]], int]:
    """Top-``k`` partners per statement and other document, among those sharing a specific key.

    Returns (pairs ordered deterministically, number of all allowed cross-document pairs).
    A key blocks when it occurs in at most ``max(min_block_df, max_df * n)`` statements.
    """
    n = len(statements)
    per_doc: dict[str, int] = defaultdict(int)
    for st in statements:
        per_doc[st.doc_id] += 1
    docs = sorted(per_doc)
    total = sum(per_doc[a] * per_doc[b] for i, a in enumerate(docs) for b in docs[i + 1 :] if ctx.allowed(a, b))
    key_df = vectorise(statements)
    limit = max(min_block_df, int(max_df * n))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, st in enumerate(statements):
        for key in st.keys:
            if key_df[key] <= limit:
                postings[key].append(i)
    kept: dict[tuple[int, int], float] = {}
    for i, st in enumerate(statements):
        cands: set[int] = set()
        for key in st.keys:
            if key_df[key] <= limit:
                cands.update(postings[key])
        by_doc: dict[str, list[tuple[float, int]]] = defaultdict(list)
        for j in cands:
            other = statements[j]
            if other.doc_id == st.doc_id or not ctx.allowed(st.doc_id, other.doc_id):
                continue
            s = cosine(st, other)
            if s >= min_similarity:
                by_doc[other.doc_id].append((s, j))
        for lst in by_doc.values():
            lst.sort(key=lambda t: (-t[0], t[1]))
            for s, j in lst[:k]:
                kept[(min(i, j), max(i, j))] = s
    order = sorted(kept, key=lambda ij: (statements[ij[0]].doc_id, statements[ij[0]].sentence.start,
                                         statements[ij[1]].doc_id, statements[ij[1]].sentence.start))
    out = []
    for i, j in order:
        a, b = statements[i], statements[j]
        if (a.doc_id, a.sentence.start) > (b.doc_id, b.sentence.start):
            a, b = b, a
        out.append((a, b, kept[(i, j)]))
    return out, total

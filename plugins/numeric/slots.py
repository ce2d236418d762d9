"""Slots: what a quantity measures.

For each quantity of a sentence we gather the words around it (spaCy tokens when the
pipeline ran, a regex tokenisation otherwise), the predicate it depends on (lemma of
the governing verb or noun when a dependency parse exists, else the nearest content
word), the canonical entities of the sentence (``Sentence.entities`` filled by the
``entities`` annotator, falling back to spaCy NER text) and the entities of the
previous sentences of the paragraph (for "la jeune pousse", "the start-up"), and the
time scope (a year of the same sentence: "10 milliards ... en 2023"; or an "initial" /
"first" marker).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from checker.model import Sentence

from plugins.numeric.parse import Quantity

_WORD_RE = re.compile(r"[^\W\d_][\w\-’']*|\d+(?:[.,]\d+)?|[^\w\s]")
_INITIAL_WORDS = {"initial", "initiale", "initialement", "premier", "première", "first", "initially", "early",
                  "seed", "amorçage"}
_SCOPE_PREPS = {"en", "in", "au cours de", "durant", "during", "pour", "for", "cette année", "depuis", "since"}
_FALLBACK_STOP = set(
    """le la les l un une des de du d et ou à au aux en dans sur pour par avec que qui ce cette ces son sa ses
    leur leurs a été être est sont ont avait avoir of and or the a an in on at to for by with from than that
    which this these those its their is are was were be been has have had it as""".split()
)


def fold(text: str) -> str:
    """Lower case without accents, straight apostrophes (for matching words)."""
    t = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(ch for ch in t if not unicodedata.combining(ch))


@dataclass
class Tok:
    i: int
    start: int  # offsets relative to the sentence text
    end: int
    text: str
    lemma: str
    pos: str = ""
    head: int | None = None
    is_stop: bool = False

    @property
    def forms(self) -> set[str]:
        f = {fold(self.text), fold(self.lemma)}
        return f | {x[:-1] for x in f if len(x) > 3 and x.endswith("s")}


@dataclass
class SentenceView:
    """Tokens and entities of one sentence, computed once and shared by its quantities."""

    sentence: Sentence
    tokens: list[Tok]
    has_parse: bool
    entity_ids: list[str]
    context_ids: list[str] = field(default_factory=list)  # from the previous sentences

    def token_range(self, start: int, end: int) -> list[int]:
        """Indices of tokens overlapping [start, end) (sentence offsets)."""
        return [t.i for t in self.tokens if t.start < end and start < t.end]

    def text_folded(self) -> str:
        return fold(self.sentence.text)


def sentence_view(sentence: Sentence, previous: list[Sentence] | None = None) -> SentenceView:
    toks: list[Tok] = []
    has_parse = False
    span = sentence.tokens
    if span is not None:
        try:
            doc = span.doc
            has_parse = bool(doc.has_annotation("DEP"))
            base = span.start
            offset0 = span.start_char
            for k, t in enumerate(span):
                toks.append(Tok(i=k, start=t.idx - offset0, end=t.idx - offset0 + len(t.text), text=t.text,
                                lemma=t.lemma_ or t.text, pos=t.pos_ or "", is_stop=bool(t.is_stop),
                                head=(t.head.i - base) if has_parse and span.start <= t.head.i < span.end else None))
        except Exception:  # noqa: BLE001 - an unusual span: fall back to regex tokens
            toks = []
            has_parse = False
    if not toks:
        for k, m in enumerate(_WORD_RE.finditer(sentence.text)):
            w = m.group(0)
            toks.append(Tok(i=k, start=m.start(), end=m.end(), text=w, lemma=w.lower(),
                            is_stop=fold(w) in _FALLBACK_STOP))
    ids = _entity_ids(sentence)
    ctx: list[str] = []
    for prev in previous or []:
        for e in _entity_ids(prev):
            if e not in ctx:
                ctx.append(e)
    return SentenceView(sentence=sentence, tokens=toks, has_parse=has_parse, entity_ids=ids, context_ids=ctx)


def _entity_ids(sentence: Sentence) -> list[str]:
    ids: list[str] = []
    if sentence.entities:
        for m in sorted(sentence.entities, key=lambda m: (m.start, m.end)):
            if m.id not in ids:
                ids.append(m.id)
        return ids
    span = sentence.tokens
    if span is not None:
        try:
            for ent in span.ents:
                if ent.label_ in ("ORG", "PER", "PERSON", "MISC", "GPE", "LOC", "PRODUCT", "NORP"):
                    name = ent.text.strip()
                    name = re.sub(r"^(?:l['’]|d['’]|the\s+)", "", name, flags=re.I)
                    if name and name not in ids:
                        ids.append(name)
        except Exception:  # noqa: BLE001
            pass
    return ids


def has_entity(view: SentenceView, name: str, *, use_context: bool = True) -> bool:
    """Whether the canonical entity ``name`` is mentioned in the sentence (or its context)."""
    want = fold(name)
    pool = list(view.entity_ids) + (list(view.context_ids) if use_context else [])
    if any(fold(e) == want for e in pool):
        return True
    # literal fallback (no annotator, or a name the annotator does not know)
    rx = re.compile(r"(?<![\w])" + re.escape(want) + r"(?![\w])")
    if rx.search(view.text_folded()):
        return True
    return False


_INFINITIVE = re.compile(r"^(.{5,}?)(?:er|ir|re|oir)$")
_SUFFIXES = ("", "s", "es", "ed", "d", "ing", "ment", "ments", "or", "ors", "e", "ee", "ees", "es", "ly")


def word_matches(word: str, tok: Tok) -> bool:
    """Whether a rule word (folded) names this token: same form or lemma, an inflection,
    or, for a French infinitive, any word of its stem (investir: investi, investissement)."""
    forms = tok.forms
    if word in forms:
        return True
    m = _INFINITIVE.match(word)
    if m:
        stem = m.group(1)
        return any(f.startswith(stem) for f in forms)
    if len(word) >= 4:
        for f in forms:
            if f.startswith(word) and f[len(word):] in _SUFFIXES:
                return True
    return False


def phrase_positions(view: SentenceView, phrase: str) -> list[int]:
    """Token indices where ``phrase`` (one or more words, lemma or form) starts."""
    words = [fold(w) for w in re.findall(r"[^\W_][\w\-']*", phrase.replace("’", "'"))]
    if not words:
        return []
    out = []
    toks = view.tokens
    for k in range(len(toks)):
        ok = True
        j = k
        for w in words:
            while j < len(toks) and toks[j].text in ("'", "’", "-") :
                j += 1
            if j >= len(toks) or not word_matches(w, toks[j]):
                ok = False
                break
            j += 1
        if ok:
            out.append(k)
    return out


def token_distance(view: SentenceView, q_idx: list[int], pos: int) -> int:
    """Tokens between a quantity and a word, counting punctuation that cuts clauses double."""
    if not q_idx:
        return 10 ** 6
    lo, hi = min(q_idx), max(q_idx)
    if lo <= pos <= hi:
        return 0
    a, b = (pos, lo) if pos < lo else (hi, pos)
    d = 0
    for t in view.tokens[a + 1:b]:
        if t.text in (";", "(", ")", "—", ":"):
            d += 4
        elif t.text in (",",):
            d += 2
        else:
            d += 1
    return d + 1


def dep_distance(view: SentenceView, q_idx: list[int], pos: int) -> int | None:
    """Length of the dependency path between the quantity and a word (None without parse)."""
    if not view.has_parse or not q_idx:
        return None

    def chain(i: int) -> list[int]:
        seen = [i]
        while True:
            h = view.tokens[seen[-1]].head
            if h is None or h == seen[-1] or h in seen or len(seen) > 30:
                return seen
            seen.append(h)

    best = None
    target = chain(pos)
    for qi in q_idx:
        c = chain(qi)
        for da, node in enumerate(c):
            if node in target:
                d = da + target.index(node)
                best = d if best is None else min(best, d)
                break
    return best


def governor_lemma(view: SentenceView, q_idx: list[int]) -> str:
    """Predicate the quantity depends on: governing verb/noun lemma, or the nearest content word."""
    if not q_idx:
        return ""
    inside = set(q_idx)
    if view.has_parse:
        for qi in sorted(q_idx, reverse=True):
            cur = qi
            for _ in range(4):
                h = view.tokens[cur].head
                if h is None or h == cur:
                    break
                cur = h
                if cur in inside:
                    continue
                t = view.tokens[cur]
                if t.pos in ("VERB", "NOUN") and not t.is_stop and t.lemma.isalpha():
                    return fold(t.lemma)
    # no parse: nearest content word before, then after
    lo, hi = min(q_idx), max(q_idx)
    for rng in (range(lo - 1, max(-1, lo - 4), -1), range(hi + 1, min(len(view.tokens), hi + 4))):
        for k in rng:
            t = view.tokens[k]
            if t.text.isalpha() and not t.is_stop and len(t.text) > 3 and not t.text[:1].isupper():
                return fold(t.lemma)
    return ""


def time_scope(view: SentenceView, q: Quantity, years: list[Quantity], q_idx: list[int],
               previous_years: list[str] | None = None) -> str | None:
    """Time scope of a non-temporal quantity: a year of its sentence, an "initial" marker,
    or the single year stated by the previous sentence of the paragraph (narrative)."""
    if q.is_temporal:
        return None
    best = None
    best_d = 10 ** 6
    for y in years:
        if y.qtype != "year" or y.approx not in (None, "range"):
            continue
        if y.prep and y.prep not in _SCOPE_PREPS:
            continue
        y_idx = view.token_range(y.start, y.end)
        if not y_idx:
            continue
        d = min(token_distance(view, q_idx, i) for i in y_idx)
        if d < best_d and d <= 14:
            best, best_d = y.text.split()[-1], d
    if best:
        return best
    if previous_years and len(set(previous_years)) == 1:
        return previous_years[0]
    initial = {fold(w) for w in _INITIAL_WORDS}
    for t in view.tokens:
        if fold(t.text) in initial:
            return "initial"
    return None

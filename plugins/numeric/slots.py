"""Slots: what a quantity measures.

For each quantity of a sentence we gather the words around it (spaCy tokens when the
pipeline ran, a regex tokenisation otherwise), the predicate it depends on (lemma of
the governing verb or noun when a dependency parse exists, else the nearest content
word), the canonical entities of the sentence (``Sentence.entities`` filled by the
``entities`` annotator, falling back to spaCy NER text) and the entities of the
previous sentences of the paragraph (for "la jeune pousse", "the start-up"), and the
owner of a figure (``key_entities``).  Time scopes and the other scopes of a figure are in
``scope``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from checker.model import Sentence

_WORD_RE = re.compile(r"[^\W\d_][\w\-’']*|\d+(?:[.,]\d+)?|[^\w\s]")
_FALLBACK_STOP = set(
    """le la les l un une des de du d et ou à au aux en dans sur pour par avec que qui ce cette ces son sa ses
    leur leurs a été être est sont ont avait avoir of and or the a an in on at to for by with from than that
    which this these those its their is are was were be been has have had it as""".split()
)


def unaccent_lower(text: str) -> str:
    """Lower case without accents, straight apostrophes (for matching words).

    Memoised for words (matching rule phrases folds every token of every quantity's
    sentence, again and again); longer texts are folded each time, so the cache stays small."""
    if len(text) <= 40:
        return _unaccent_word(text)
    return _unaccent(text)


@functools.lru_cache(maxsize=1 << 16)
def _unaccent_word(text: str) -> str:
    return _unaccent(text)


def _unaccent(text: str) -> str:
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
        return set(_forms(self.text, self.lemma))


@functools.lru_cache(maxsize=1 << 16)
def _forms(text: str, lemma: str) -> frozenset[str]:
    f = {unaccent_lower(text), unaccent_lower(lemma)}
    return frozenset(f | {x[:-1] for x in f if len(x) > 3 and x.endswith("s")})


@dataclass
class SentenceView:
    """Tokens and entities of one sentence, computed once and shared by its quantities."""

    sentence: Sentence
    tokens: list[Tok]
    has_parse: bool
    entity_ids: list[str]
    context_ids: list[str] = field(default_factory=list)  # from the previous sentences
    first: Sentence | None = None  # the document's first sentence naming an entity (key_entity fallback)
    known: set[str] | None = None  # entity ids that are names (``reliable_ids``)
    year: int | None = None  # the article's own year (its publication date's), when it states one
    places: frozenset[str] = frozenset()  # places the article names (folded), for "foyers bretons"

    def token_range(self, start: int, end: int) -> list[int]:
        """Indices of tokens overlapping [start, end) (sentence offsets)."""
        return [t.i for t in self.tokens if t.start < end and start < t.end]

    def text_folded(self) -> str:
        return unaccent_lower(self.sentence.text)


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
                toks.append(
                    Tok(
                        i=k,
                        start=t.idx - offset0,
                        end=t.idx - offset0 + len(t.text),
                        text=t.text,
                        lemma=t.lemma_ or t.text,
                        pos=t.pos_ or "",
                        is_stop=bool(t.is_stop),
                        head=(t.head.i - base) if has_parse and span.start <= t.head.i < span.end else None,
                    )
                )
        except Exception:  # noqa: BLE001 - an unusual span: fall back to regex tokens
            toks = []
            has_parse = False
    if not toks:
        for k, m in enumerate(_WORD_RE.finditer(sentence.text)):
            w = m.group(0)
            toks.append(
                Tok(
                    i=k,
                    start=m.start(),
                    end=m.end(),
                    text=w,
                    lemma=w.lower(),
                    is_stop=unaccent_lower(w) in _FALLBACK_STOP,
                )
            )
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
    want = unaccent_lower(name)
    pool = list(view.entity_ids) + (list(view.context_ids) if use_context else [])
    if any(unaccent_lower(e) == want for e in pool):
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
    return _word_matches(word, tok.text, tok.lemma)


@functools.lru_cache(maxsize=1 << 16)
def _word_matches(word: str, text: str, lemma: str) -> bool:
    """``word_matches`` on a token's text and lemma (all it reads), memoised: the same few
    rule words are matched against the same vocabulary sentence after sentence."""
    forms = _forms(text, lemma)
    if word in forms:
        return True
    m = _INFINITIVE.match(word)
    if m:
        stem = m.group(1)
        return any(f.startswith(stem) for f in forms)
    if len(word) >= 4:
        for f in forms:
            if f.startswith(word) and f[len(word) :] in _SUFFIXES:
                return True
    return False


def _pieces(text: str) -> list[str]:
    """A word cut after its apostrophes: "d'affaires" -> ["d'", "affaires"] (folded)."""
    return list(_pieces_of(text))


@functools.lru_cache(maxsize=1 << 16)
def _pieces_of(text: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"(?<=')", unaccent_lower(text)) if p and p != "'")


@functools.lru_cache(maxsize=1 << 12)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    words: list[str] = []
    for w in re.findall(r"[^\W_][\w\-']*", phrase.replace("’", "'")):
        words.extend(_pieces_of(w))
    return tuple(words)


def _match_stream(view: SentenceView) -> list[tuple[int, str, str]]:
    """The sentence's sub-tokens ``(token index, text, lemma)`` that phrases are matched on,
    built once per sentence view (each quantity of the sentence looks for several phrases)."""
    stream = getattr(view, "_match_stream", None)
    if stream is None:
        stream = []
        for t in view.tokens:
            if t.text in ("'", "’", "-"):
                continue
            parts = _pieces_of(t.text)
            if len(parts) <= 1:
                stream.append((t.i, t.text, t.lemma))
            else:
                stream.extend((t.i, part, part) for part in parts)
        view._match_stream = stream  # type: ignore[attr-defined]
    return stream


def phrase_positions(view: SentenceView, phrase: str) -> list[int]:
    """Token indices where ``phrase`` (one or more words, lemma or form) starts.

    Elisions are compared piece by piece, so "chiffre d'affaires" is found whether the
    tokenizer gave ``d'`` + ``affaires`` (spaCy French) or ``d'affaires`` (regex tokens).
    """
    words = _phrase_words(phrase)
    if not words:
        return []
    stream = _match_stream(view)
    out: list[int] = []
    n = len(words)
    first, rest = words[0], words[1:]
    for k in range(len(stream)):
        if k and stream[k - 1][0] == stream[k][0]:
            continue  # a phrase starts at a token's beginning
        if k + n > len(stream):
            break
        if not _word_matches(first, stream[k][1], stream[k][2]):
            continue
        if all(_word_matches(w, stream[k + j][1], stream[k + j][2]) for j, w in enumerate(rest, 1)):
            if stream[k][0] not in out:
                out.append(stream[k][0])
    return out


def token_distance(view: SentenceView, q_idx: list[int], pos: int) -> int:
    """Tokens between a quantity and a word, counting punctuation that cuts clauses double."""
    if not q_idx:
        return 10**6
    lo, hi = min(q_idx), max(q_idx)
    if lo <= pos <= hi:
        return 0
    a, b = (pos, lo) if pos < lo else (hi, pos)
    d = 0
    for t in view.tokens[a + 1 : b]:
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
                    t = view.tokens[cur]
                    if cur not in inside and t.pos in ("VERB", "ADJ") and t.lemma.isalpha():
                        return unaccent_lower(
                            t.lemma
                        )  # the clause's own verb, even a participle read as an adjective ("s'est ouvert")
                    break
                cur = h
                if cur in inside:
                    continue
                t = view.tokens[cur]
                if t.pos in ("VERB", "NOUN") and not t.is_stop and t.lemma.isalpha():
                    return unaccent_lower(t.lemma)
    # no parse: nearest content word before, then after
    lo, hi = min(q_idx), max(q_idx)
    for rng in (range(lo - 1, max(-1, lo - 4), -1), range(hi + 1, min(len(view.tokens), hi + 4))):
        for k in rng:
            t = view.tokens[k]
            if t.text.isalpha() and not t.is_stop and len(t.text) > 3 and not t.text[:1].isupper():
                return unaccent_lower(t.lemma)
    return ""


# ---------------------------------------------------------------------- key entity
_PERSON_LABELS = {"PER", "PERSON"}
_CLAUSE_CUTS = {",", ";", ":", "(", ")", "—", "–"}
# a mention right after these words is a place or an agent, not the owner of a figure
_NOT_OWNER_BEFORE = {
    "in",
    "en",
    "a",
    "au",
    "aux",
    "dans",
    "at",
    "near",
    "outside",
    "pres",
    "vers",
    "across",
    "par",
    "by",
    "famille",
    "family",
}


_CALENDAR = set(
    """january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday janvier fevrier mars avril mai juin juillet aout septembre
octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche""".split()
)


def reliable_ids(sentences: list[Sentence]) -> set[str]:
    """Entity ids that are names, not capitalised words: a labelled or alias mention, or
    one seen after the first word of a sentence ("Revenue grew", "Net profit", "Tuesday"
    from a pipeline without NER are not companies)."""
    out: set[str] = set()
    for sent in sentences:
        lead = len(sent.text) - len(sent.text.lstrip())
        for m in sent.entities:
            if unaccent_lower(m.id) in _CALENDAR:
                continue
            if m.label or m.source != "ner" or m.start - sent.start > lead:
                out.add(m.id)
    return out


def _mention_ok(sentence: Sentence, m, labels: set[str] | None, known: set[str] | None = None) -> bool:
    if known and m.id not in known:  # (a document without any reliable name: every mention counts)
        return False
    if labels is not None:
        if m.label and m.label not in labels:
            return False
    elif m.label in _PERSON_LABELS and " " in m.id.strip():
        return False  # a person named in full ("Pierre Vasseur"); one-word PER tags are often companies
    prev_word = re.findall(
        r"[^\W\d_]+['’]?", sentence.text[max(0, m.start - sentence.start - 25) : m.start - sentence.start]
    )
    if prev_word and unaccent_lower(prev_word[-1]) in _NOT_OWNER_BEFORE:
        return False  # "headquartered in Amsterdam", "en France", "fondé par la famille Bertin"
    # "Austin-based firm", "Paris-headquartered": a modifier, not the owner of the figure
    rest = sentence.text[m.end - sentence.start : m.end - sentence.start + 2]
    return not rest.startswith("-") and not rest.startswith("‑")


def key_entities(
    view: SentenceView,
    q_idx: list[int],
    previous: list[Sentence] | None = None,
    first: Sentence | None = None,
    labels: set[str] | None = None,
    known: set[str] | None = None,
) -> list[str]:
    """The entity (canonical id) a figure belongs to, for slot keys ("Valmont's revenue").

    In the sentence: the nearest mention, a following mention (of the same clause: no
    comma between) counting 2 tokens more than a preceding one (the owner usually comes first: "Brightline owns a 30% stake in
    DataForge"; "Les actionnaires d'Ostral détiendront 55 %, contre 45 % pour ceux de
    Bricomar").  People are skipped ("fondé par la famille Bertin") and so are place
    modifiers ("the Austin-based firm").  Without a mention in the sentence ("Le groupe
    compte 4 500 salariés"), the figure may belong to any company of the nearest previous
    sentence of the paragraph that names one (several ids are returned: the claim is
    compared with each), else to those of the document's first sentence naming one.
    """
    sent = view.sentence
    best, best_d = None, None
    for m in sorted(sent.entities, key=lambda m: (m.start, m.end)):
        if not _mention_ok(sent, m, labels, known):
            continue
        idx = view.token_range(m.start - sent.start, m.end - sent.start)
        if not idx or not q_idx:
            continue
        if max(idx) < min(q_idx):
            d = token_distance(view, q_idx, max(idx))
            cuts = [t.i for t in view.tokens[: min(idx)] if t.text in _CLAUSE_CUTS]
            if (
                cuts
                and any(t.text in _CLAUSE_CUTS for t in view.tokens[max(idx) + 1 : min(q_idx)])
                and not any(t.text in _CLAUSE_CUTS for t in view.tokens[cuts[-1] + 1 : min(idx)])
                and any(t.text not in _CLAUSE_CUTS for t in view.tokens[: cuts[-1]])
            ):
                d += 8  # inside an aside: "DataForge, co-founded by Tom Reyes, employs 400 people"
        elif min(idx) > max(q_idx):
            between = view.tokens[max(q_idx) + 1 : min(idx)]
            if any(t.text in _CLAUSE_CUTS for t in between):
                continue  # "2 000 salariés, dont 600 en Rhône-Alpes": another clause
            d = token_distance(view, q_idx, min(idx)) + 2
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = m.id, d
    if best is not None:
        return [best]
    for prev in list(reversed(previous or [])) + ([first] if first is not None else []):
        ids = sorted({m.id for m in prev.entities if _mention_ok(prev, m, labels, known)})
        if ids:
            return ids
    return []

"""Rule-less ("generic") pairing of quantities: compare what measures the same thing.

A quantity no dedicated rule claimed is described by

* **what it measures**: its quantity type and unit, and for a count the class of the
  counted noun refined by what is said of it (``parse.NOUN_CLASS``/``_MODIFIERS``:
  "morts", "dead", "112 people were killed" are one class, "blessés"/"injured"
  another, "emplois menacés" and "emplois sauvés" two more).  This is the blocking
  key: different counted nouns are never compared;
* **who it is about**: the canonical entities of its sentence and paragraph (and the
  person of an age);
* **its context**: the content lemmas of its sentence, numbers masked, words of the
  multilingual class tables replaced by their class (so "tués" and "killed" meet),
  weighted by TF-IDF over the run's generic claims.

Within a key, each claim keeps its ``top_k`` best partners of other documents
(similarity = context cosine, plus the entity overlap), never all pairs.  A pair whose
context similarity and entity overlap are both high is a *warning*, else a *suggestion*.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Any

from checker.model import CandidateGroup, Claim
from checker.pairing import claim_sort_key

from plugins.numeric.parse import MODIFIER_CLASS, NOUN_CLASS, Quantity
from plugins.numeric.slots import SentenceView, fold

#: defaults of the generic rule's ``pairing`` block
DEFAULTS = {"top_k": 2, "min_similarity": 0.15, "warn_similarity": 0.3, "warn_overlap": 0.5}

_STOP = set(
    """le la les l un une des de du d et ou à au aux en dans sur pour par avec que qui ce cette ces son sa ses
    leur leurs a été être est sont ont avait avoir plus moins ne pas se s y il elle ils elles on nous vous
    selon après avant lors cet comme mais donc car dont où tout tous toute toutes
    of and or the a an in on at to for by with from than that which this these those its their is are was were
    be been has have had it as he she they we said says after before more less about over under not also
    into up out per""".split()
)
_FOLDED_CLASSES = {fold(w): c for w, c in NOUN_CLASS.items()}
_FOLDED_MODS = {fold(w): c for w, c in MODIFIER_CLASS.items()}


#: measures specific enough that one statement per article names the same fact
#: (a death toll, a wind speed, an age, a day); money, shares and years are not
UNAMBIGUOUS = ("count:", "speed:", "age", "date:daymonth", "duration:", "rank:")


def measure_key(q: Quantity) -> str:
    """What a quantity measures, as a blocking key ("count:deaths", "money:USD", "age")."""
    if q.qtype == "count":
        noun = fold(q.noun)
        base, _, mod = noun.partition(":")
        base = base[:-1] if len(base) > 3 and base.endswith("s") and base not in _FOLDED_CLASSES.values() else base
        return f"count:{base}" + (f":{mod}" if mod else "")
    if q.qtype == "date":
        return "date:daymonth" if q.extra.get("no_year") else "date"
    if q.qtype in ("year", "age"):
        return q.qtype
    if q.qtype == "duration":
        return q.unit  # "duration:year"
    return f"{q.qtype}:{q.unit}" + ("/year" if q.extra.get("rate") else "")


def context_terms(view: SentenceView) -> list[str]:
    """Content lemmas of the sentence (numbers masked), class words mapped to their class."""
    out: list[str] = []
    for t in view.tokens:
        w = fold(t.lemma or t.text)
        if not re.fullmatch(r"[^\W\d_][\w\-']*", w) or len(w) < 3 or w in _STOP or t.is_stop:
            continue
        form = fold(t.text)
        cls = _FOLDED_CLASSES.get(form) or _FOLDED_CLASSES.get(w) or _FOLDED_MODS.get(form) or _FOLDED_MODS.get(w)
        out.append(cls or w)
    return out


def entity_set(view: SentenceView, q: Quantity, *, context: bool = True) -> set[str]:
    """Canonical entities of the quantity's sentence (and, with ``context``, of the
    previous sentences of its paragraph), plus the person of an age."""
    known = view.known
    ids = [e for e in view.entity_ids if not known or e in known]  # names, not capitalised words
    ents = {fold(e) for e in ids}
    if context:
        ents |= {fold(e) for e in view.context_ids if not known or e in known}
    person = q.extra.get("person")
    if person:
        ents.add(fold(person))
    return ents


def overlap(a: set[str], b: set[str]) -> float | None:
    """Shared entities over the smaller set (None when a side names none)."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def _tfidf(bags: list[list[str]]) -> list[dict[str, float]]:
    df: Counter = Counter()
    for bag in bags:
        df.update(set(bag))
    n = len(bags)
    vecs = []
    for bag in bags:
        tf = Counter(bag)
        v = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return vecs


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def settings(rule) -> dict[str, Any]:
    return {k: rule.get(f"pairing.{k}", v) for k, v in DEFAULTS.items()}


def pair_generic(claims: list[Claim], ctx) -> list[CandidateGroup]:
    """Two-claim candidate groups: each claim with its best partners of the same measure."""
    if not claims:
        return []
    claims = sorted(claims, key=claim_sort_key)
    vecs = _tfidf([c.data.get("terms", []) for c in claims])
    for c, v in zip(claims, vecs):
        c.data["vec"] = v
    blocks: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        blocks[c.keys[0]].append(c)
    per_doc = Counter((c.doc_id, c.keys[0], c.data["scope"] or "", c.data["q"].nominal) for c in claims)
    distinct = Counter(k[:3] for k in per_doc)
    for c in claims:
        # the article states this measure once for this time scope (restatements of one
        # value count once; "Tavi killed 240 people in 2019" is another scope)
        c.data["unique"] = distinct[(c.doc_id, c.keys[0], c.data["scope"] or "")] == 1
    kept: dict[tuple, tuple[Claim, Claim]] = {}
    for key in sorted(blocks):
        members = blocks[key]
        if len({c.doc_id for c in members}) < 2:
            continue
        partners: dict[int, list[tuple[float, tuple, Claim]]] = defaultdict(list)
        for i, j in _candidate_index_pairs(members):
            a, b = members[i], members[j]
            if a.doc_id == b.doc_id or not ctx.allowed(a.doc_id, b.doc_id):
                continue
            s = pair_score(a, b)
            if s is None:
                continue
            partners[id(a)].append((s, claim_sort_key(b), b))
            partners[id(b)].append((s, claim_sort_key(a), a))
        for a in members:
            cands = sorted(partners.get(id(a), []), key=lambda t: (-t[0], t[1]))
            k = int(settings(a.data["rule"])["top_k"])
            for _, _, b in cands[:k]:
                first, second = sorted((a, b), key=claim_sort_key)
                kept[(claim_sort_key(first), claim_sort_key(second))] = (first, second)
    groups = []
    for (ka, kb), (a, b) in sorted(kept.items()):
        if ctx.focus is not None and a.doc_id not in ctx.focus and b.doc_id not in ctx.focus:
            continue
        groups.append(CandidateGroup(key=f"{a.keys[0]}#{ka}|{kb}", claims=[a, b]))
    if ctx is not None:
        ctx.add_stat("numeric", "generic_pairs", len(groups))
    return groups


#: above this many claims of one measure, candidates are found through an inverted index
#: of their context terms and entities (terms shared by more than ``MAX_POSTING`` claims
#: are too common to propose a pair), not by scoring every pair of the block
INDEX_FROM = 64
MAX_POSTING = 48


def _candidate_index_pairs(members: list[Claim]):
    """Index pairs (i < j) of a block worth scoring, in a deterministic order."""
    n = len(members)
    if n <= INDEX_FROM:
        for i in range(n):
            for j in range(i + 1, n):
                yield i, j
        return
    postings: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(members):
        for t in set(c.data.get("terms", ())) | {"@" + e for e in c.data.get("ents", ())}:
            postings[t].append(i)
    seen: set[tuple[int, int]] = set()
    for t in sorted(postings):
        ids = postings[t]
        if len(ids) > MAX_POSTING:
            continue
        for x, i in enumerate(ids):
            for j in ids[x + 1:]:
                if (i, j) not in seen:
                    seen.add((i, j))
    yield from sorted(seen)


def similarity(a: Claim, b: Claim) -> tuple[float, float | None]:
    """(context cosine, entity overlap) of two generic claims."""
    sim = cosine(a.data.get("vec", {}), b.data.get("vec", {}))
    ov = overlap(set(a.data.get("ents", ())), set(b.data.get("ents", ())))
    if ov == 0.0 and not (a.data.get("own_ents") and b.data.get("own_ents")):
        ov = None  # entities of the surrounding sentences may confirm, never refute
    return sim, ov


def pair_score(a: Claim, b: Claim) -> float | None:
    """Rank of a candidate pair, None when it is not a candidate at all.

    Entities named on both sides must overlap; the context must be similar enough.
    """
    sim, ov = similarity(a, b)
    conf = settings(a.data["rule"])
    own_a, own_b = set(a.data.get("own_ents", ())), set(b.data.get("own_ents", ())) 
    if own_a and own_b and not own_a & own_b and ov is not None and ov == 0.0:
        return None  # both sentences name who the figure is about, and not the same
    owner_a, owner_b = set(a.data.get("owner", ())), set(b.data.get("owner", ()))
    if owner_a and owner_b and not owner_a & owner_b:
        return None  # Lecoq's share is not Dumont's share
    if sim < float(conf["min_similarity"]) and not (a.data.get("unique") and b.data.get("unique")
                                                    and str(a.value.get("slot", "")).startswith(UNAMBIGUOUS)):
        return None  # (a specific measure stated once by each article is a candidate anyway)
    return sim + 0.5 * (ov or 0.0)


def generic_level(a: Claim, b: Claim) -> tuple[str, float, float | None]:
    """Level of a generic conflict: warning with a similar context and shared entities."""
    sim, ov = similarity(a, b)
    conf = settings(a.data["rule"])
    if a.data.get("part") or b.data.get("part"):
        return "suggestion", sim, ov  # one of several figures of one sentence: perhaps a part of the other
    if str(a.value.get("slot", "")) == "year" and a.value.get("predicate") != b.value.get("predicate"):
        return "suggestion", sim, ov  # years date many events: a warning needs the same predicate too
    if (ov is None or ov >= float(conf["warn_overlap"])) and sim >= float(conf["warn_similarity"]):
        return "warning", sim, ov
    if (ov is None or ov >= float(conf["warn_overlap"])) and a.data.get("unique") and b.data.get("unique") \
            and str(a.value.get("slot", "")).startswith(UNAMBIGUOUS):
        return "warning", sim, ov  # each article states this specific measure once: the same fact
    return "suggestion", sim, ov

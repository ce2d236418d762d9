"""Rule-less ("generic") pairing of quantities: compare what measures the same thing.

A quantity no dedicated rule claimed is described by

* **what it measures**: its unit family (money in one currency, a percentage, a length,
  a duration in any unit...), and for a count the class of the counted noun refined by
  what is said of it (``vocab.NOUN_CLASS``/``MODIFIERS``: "morts", "dead", "112 people were
  killed" are one class, "blessés"/"injured" another, "emplois menacés" and "emplois
  sauvés" two more).  Without a sentence encoder the class is the blocking key; with one
  (``ctx.embed``), counts of every class meet and nouns no table knows are one measure
  when their embeddings agree (``match.comparable``): the tables are hints;
* **who it is about**: the canonical entities of its sentence and paragraph, the owner of
  the figure (nearest name, by kind: person, place, organisation) and the rivals its
  sentence sets against it ("devant Lecoq");
* **its context**: the content lemmas of its sentence, numbers masked, weighted by TF-IDF
  over the run's generic claims, and the embedding of the sentence with the figure masked.

Within a block, each claim keeps its ``top_k`` best partners of other documents (meaning
or context similarity, plus the entity overlap), never all pairs.  A pair whose context
(or meaning) and entities agree is a *warning*, else a *suggestion*.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Any

from checker.model import CandidateGroup, Claim
from checker.pairing import claim_sort_key
from plugins.numeric.match import (
    comparable,
    embed_claims,
    embed_needed,
    known_class,
    meaning_similarity,
    noun_similarity,
)
from plugins.numeric.quantity import Quantity
from plugins.numeric.slips import slip, unit_slip
from plugins.numeric.slots import SentenceView, unaccent_lower
from plugins.numeric.vocab import MODIFIER_CLASS, NOUN_CLASS

#: defaults of the generic rule's ``pairing`` block
DEFAULTS = {
    "top_k": 2,
    "min_similarity": 0.15,
    "warn_similarity": 0.3,
    "warn_overlap": 0.5,
    "same_measure": 0.93,
    "min_embedding": 0.9,
    "warn_embedding": 0.93,
    "slip_embedding": 0.8,
    # across languages the encoder is all there is, and translation costs it about 0.07 of
    # cosine (development mixed stories: one measure 0.86-0.92, unrelated figures 0.77-0.85)
    "cross_warn_embedding": 0.86,
}

_STOP = set(
    """le la les l un une des de du d et ou à au aux en dans sur pour par avec que qui ce cette ces son sa ses
    leur leurs a été être est sont ont avait avoir plus moins ne pas se s y il elle ils elles on nous vous
    selon après avant lors cet comme mais donc car dont où tout tous toute toutes
    of and or the a an in on at to for by with from than that which this these those its their is are was were
    be been has have had it as he she they we said says after before more less about over under not also
    into up out per""".split()
)
_FOLDED_CLASSES = {unaccent_lower(w): c for w, c in NOUN_CLASS.items()}
_FOLDED_MODS = {unaccent_lower(w): c for w, c in MODIFIER_CLASS.items()}


#: measures specific enough that one statement per article names the same fact
#: (a death toll, a wind speed, an age, a day); money, shares and years are not, nor
#: durations (a rescue that lasted 9 hours, a line closed for three weeks)
UNAMBIGUOUS = (
    "count:",
    "speed:",
    "age",
    "date:daymonth",
    "rank:",
    "tally:",
    "length:",
    "area:",
    "mass:",
    "volume:",
    "power:",
    "energy:",
    "data:",
)
#: counts whose noun says nothing of what is counted ("60 habitants", "23 personnes" with no
#: verb saying what befell them): stated once by each article, they are still no one measure
_VAGUE_MEASURES = frozenset({"count:people"})

#: measures stated once by each article that are worth a suggestion even with nothing else
#: in common: a duration is (what lasted, the context must say before a warning)
UNIQUE_CANDIDATES = (*UNAMBIGUOUS, "duration")


def measure_key(q: Quantity) -> str:
    """What a quantity measures, as a blocking key ("count:deaths", "money:USD", "age")."""
    if q.qtype == "count":
        noun = unaccent_lower(q.noun)
        base, _, mod = noun.partition(":")
        base = base[:-1] if len(base) > 3 and base.endswith("s") and base not in _FOLDED_CLASSES.values() else base
        return f"count:{base}" + (f":{mod}" if mod else "")
    if q.qtype == "date":
        return "date:daymonth" if q.extra.get("no_year") else "date"
    if q.qtype in ("year", "age"):
        return q.qtype
    if q.qtype == "duration":
        return "duration"  # compared across units (in days)
    if q.qtype in ("length", "area", "mass", "speed", "volume", "power", "energy", "data", "rank"):
        return f"{q.qtype}:{q.unit}"
    return f"{q.qtype}:{q.unit}" + ("/year" if q.extra.get("rate") else "")


def context_terms(view: SentenceView) -> list[str]:
    """Content lemmas of the sentence (numbers masked), class words mapped to their class."""
    out: list[str] = []
    for t in view.tokens:
        w = unaccent_lower(t.lemma or t.text)
        if not re.fullmatch(r"[^\W\d_][\w\-']*", w) or len(w) < 3 or w in _STOP or t.is_stop:
            continue
        form = unaccent_lower(t.text)
        cls = _FOLDED_CLASSES.get(form) or _FOLDED_CLASSES.get(w) or _FOLDED_MODS.get(form) or _FOLDED_MODS.get(w)
        out.append(cls or w)
    return out


#: the words that introduce who reports a figure, not whom it is about ("documents seen by
#: the Guardian", "told Reuters", "selon la préfecture", "a indiqué à l'AFP")
_SOURCE_BEFORE = re.compile(
    r"(?:\baccording\s+to|\bseen\s+by|\bobtained\s+by|\breported\s+by|\btold|\bselon|\bd['’]apr[èe]s|"
    r"\b(?:consult|obten|r[ée]v[ée]l)[ée]?e?s?\s+par|\ba\s+(?:d[ée]clar|indiqu|confi|expliqu|affirm|pr[ée]cis)[ée]\s+(?:à|au|aux))"
    r"\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?$",
    re.I,
)


def source_ids(view: SentenceView) -> set[str]:
    """Entities of the sentence named as the source of what it reports (read once per sentence)."""
    cached = getattr(view, "_source_ids", None)
    if cached is not None:
        return cached
    sent = view.sentence
    out = set()
    for m in sent.entities or ():
        before = sent.text[max(0, m.start - sent.start - 40) : max(0, m.start - sent.start)]
        if _SOURCE_BEFORE.search(before):
            out.add(m.id)
    view._source_ids = out  # type: ignore[attr-defined]
    return out


def entity_set(view: SentenceView, q: Quantity, *, context: bool = True) -> set[str]:
    """Canonical entities of the quantity's sentence (and, with ``context``, of the
    previous sentences of its paragraph), plus the person of an age.  The sentence's
    sources ("seen by the Guardian") are not whom the figure is about."""
    known = view.known
    sources = source_ids(view)
    ids = [e for e in view.entity_ids if (not known or e in known) and e not in sources]
    ents = {unaccent_lower(e) for e in ids}
    if context:
        ents |= {unaccent_lower(e) for e in view.context_ids if not known or e in known}
    person = q.extra.get("person")
    if person:
        ents.add(unaccent_lower(person))
    return ents


def overlap(a: set[str], b: set[str]) -> float | None:
    """Shared entities over the smaller set (None when a side names none).  A name shared as
    a whole word of a longer one counts ("séisme de tarvis" and "tarvis")."""
    if not a or not b:
        return None
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(1 for x in small if any(_same_name(x, y) for y in large)) / len(small)


def _same_name(x: str, y: str) -> bool:
    if x == y:
        return True
    wx, wy = set(re.findall(r"[\w']+", x)), set(re.findall(r"[\w']+", y))
    short, long_ = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return bool(short) and short <= long_ and any(len(w) > 3 for w in short)


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
    """Two-claim candidate groups: each claim with its best partners of the same measure.

    With a sentence encoder (``ctx.embed``), counts of every noun class meet in one block
    and the masked-context embedding decides whether two classes are one measure; without
    one, the counted-noun class is the block.
    """
    if not claims:
        return []
    claims = sorted(claims, key=claim_sort_key)
    for c, v in zip(claims, _tfidf([c.data.get("terms", []) for c in claims])):
        c.data["vec"] = v
    meaning = embed_claims(claims, ctx)
    if ctx is not None and meaning:
        ctx.add_stat("numeric", "embedded_claims", len(claims))
    _mark_unique(claims)
    _mark_subject_unique(claims)
    peers: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        peers[(c.doc_id, _block_key(c, meaning))].append(c)
    by_block: dict[str, dict[str, list[Claim]]] = defaultdict(dict)
    for (doc_id, block), members in peers.items():
        by_block[block][doc_id] = members
    for c in claims:
        c.data["peers"] = peers[(c.doc_id, _block_key(c, meaning))]  # the article's figures of this measure
        c.data["measure_docs"] = by_block[_block_key(c, meaning)]  # ... and every article's
    slots_of_doc: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        slots_of_doc[c.doc_id].update(c.data.get("slotted", ()))
    for c in claims:
        c.data["doc_slots"] = slots_of_doc[c.doc_id]
    kept = _kept_pairs(claims, ctx, meaning)
    if meaning and not _any_vector(claims) and _noun_blocks_matter(claims):
        # as when every claim was encoded up front: counts of all classes meet unless no claim has a vector
        embed_needed(claims, ctx)
        if not _any_vector(claims):
            kept = _kept_pairs(claims, ctx, False)
    if ctx is not None and meaning:
        ctx.add_stat("numeric", "encoded_claims", sum("emb" in c.data for c in claims))
    groups = []
    for (ka, kb), (a, b) in sorted(kept.items()):
        if ctx.focus is not None and a.doc_id not in ctx.focus and b.doc_id not in ctx.focus:
            continue
        groups.append(CandidateGroup(key=f"{a.keys[0]}#{ka}|{kb}", claims=[a, b]))
    if ctx is not None:
        ctx.add_stat("numeric", "generic_pairs", len(groups))
    return groups


def _kept_pairs(claims: list[Claim], ctx, meaning: bool) -> dict[tuple, tuple[Claim, Claim]]:
    blocks: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        blocks[_block_key(c, meaning)].append(c)
    kept: dict[tuple, tuple[Claim, Claim]] = {}
    for key in sorted(blocks):
        if len({c.doc_id for c in blocks[key]}) >= 2:
            _keep_best(blocks[key], ctx, kept, meaning)
    return kept


def _any_vector(claims: list[Claim]) -> bool:
    return any(c.data.get("emb") is not None for c in claims)


def _noun_blocks_matter(claims: list[Claim]) -> bool:
    """Whether pairing by meaning blocks these claims otherwise than by noun class: counts of
    two classes in two documents.  (With no vector read, that blocking is the only difference.)"""
    counts = [c for c in claims if c.keys[0].startswith("numeric-generic:count:")]
    return len({c.doc_id for c in counts}) >= 2 and len({c.keys[0] for c in counts}) >= 2


def _block_key(c: Claim, meaning: bool) -> str:
    key = c.keys[0]
    if meaning and key.startswith("numeric-generic:count:"):
        return "numeric-generic:count"  # the noun class is a hint: meaning decides (``pair_score``)
    return _measure(key)


def _measure(key: str) -> str:
    """A claim key with a day's missing year folded in: a day with no year meets a dated one
    (compared by day and month, ``match.comparable``)."""
    return "numeric-generic:date" if key == "numeric-generic:date:daymonth" else key


def _mark_unique(claims: list[Claim]) -> None:
    """Whether the article states this measure once for this time scope (restatements of
    one value count once; "Tavi killed 240 people in 2019" is another scope)."""
    once = _stated_once(claims, lambda c: (c.doc_id, c.keys[0], c.data["scope"] or ""), lambda c: None)
    for c in claims:
        c.data["unique"] = once(c)


def _mark_subject_unique(claims: list[Claim]) -> None:
    """Whether the article says this share or amount of its subject noun once ("Turnout was
    31.4 per cent"; restatements of one value count once, other time scopes count apart): two
    figures of one subject in one article (two polling stations' turnout) leave which one is
    meant to a guess."""
    with_subject = [c for c in claims if c.data.get("subject")]
    once = _stated_once(
        with_subject, lambda c: (c.doc_id, _measure(c.keys[0]), c.data["subject"]), lambda c: c.data["scope"] or ""
    )
    for c in claims:
        c.data["subject_unique"] = bool(c.data.get("subject")) and once(c)


def _stated_once(claims: list[Claim], measure, scope):
    """A test of whether a claim's ``measure`` (a key of its article) has one value in that
    article: distinct (``scope``, nominal value) pairs are counted, restatements once."""
    per_doc = Counter((measure(c), scope(c), c.data["q"].nominal) for c in claims)
    distinct = Counter(k[0] for k in per_doc)
    return lambda c: distinct[measure(c)] == 1


def _same_subject(a: Claim, b: Claim) -> bool:
    """Both figures are said of one subject noun ("Turnout was 31.4 per cent" / "turnout was less
    than 30 per cent"), each article saying it once: one measure, whatever else the sentences say."""
    sa, sb = a.data.get("subject"), b.data.get("subject")
    return bool(sa) and sa == sb and bool(a.data.get("subject_unique")) and bool(b.data.get("subject_unique"))


def _keep_best(members: list[Claim], ctx, kept: dict, meaning: bool = False) -> None:
    """Each claim of a block keeps its ``top_k`` best partners of other documents; with
    ``meaning``, the claims of its candidate pairs are encoded first (those alone)."""
    partners: dict[int, list[tuple[float, tuple, Claim]]] = defaultdict(list)
    pairs = [(members[i], members[j]) for i, j in _candidate_index_pairs(members)]
    pairs = [
        (a, b) for a, b in pairs if a.doc_id != b.doc_id and ctx.allowed(a.doc_id, b.doc_id) and not _slots_met(a, b)
    ]
    if meaning:
        embed_needed(list({id(c): c for pair in pairs for c in pair}.values()), ctx)
    for a, b in pairs:
        s = pair_score(a, b)
        if s is None:
            continue
        partners[id(a)].append((s, claim_sort_key(b), b))
        partners[id(b)].append((s, claim_sort_key(a), a))
    for a in members:
        cands = sorted(partners.get(id(a), []), key=lambda t: (-t[0], t[1]))
        for _, _, b in cands[: int(settings(a.data["rule"])["top_k"])]:
            first, second = sorted((a, b), key=claim_sort_key)
            kept[(claim_sort_key(first), claim_sort_key(second))] = (first, second)


def _slots_met(a: Claim, b: Claim) -> bool:
    """Whether a dedicated slot already compares these figures: both are claimed under one
    slot key, or one's slot key is stated in the other's article (its figure there is the
    one to compare).  A slot keyed by two different nearest names ("staff@north west" /
    "staff@morecambe bay") compares nothing: the generic pairing decides whether the two
    figures are one measure of one owner."""
    sa, sb = set(a.data.get("slotted", ())), set(b.data.get("slotted", ()))
    if sa & sb:
        return True
    return bool(sa & b.data.get("doc_slots", set())) or bool(sb & a.data.get("doc_slots", set()))


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
            for j in ids[x + 1 :]:
                if (i, j) not in seen:
                    seen.add((i, j))
    yield from sorted(seen)


def similarity(a: Claim, b: Claim) -> tuple[float, float | None]:
    """(context cosine, entity overlap) of two generic claims."""
    sim = cosine(a.data.get("vec", {}), b.data.get("vec", {}))
    ov = overlap(set(a.data.get("ents", ())), set(b.data.get("ents", ())))
    if ov == 0.0 and not (_actors(a) and _actors(b)):
        ov = None  # entities of the surrounding sentences, and places, may confirm, never refute
    return sim, ov


def _actors(c: Claim) -> set[str]:
    """The people and organisations a figure's own sentence names (its places are left out:
    the sentences of one event name different places; so are its dates and speakers, see
    ``actors``)."""
    return set(c.data.get("own_ents", ())) - set(c.data.get("places", ())) - set(c.data.get("not_actors", ()))


def pair_score(a: Claim, b: Claim) -> float | None:
    """Rank of a candidate pair, None when it is not a candidate at all.

    Entities named on both sides must overlap; the figures must be one measure (same noun
    class, or the same meaning); the context must be similar enough.
    """
    sim, ov = similarity(a, b)
    conf = settings(a.data["rule"])
    emb = meaning_similarity(a, b)
    if _measure(a.keys[0]) != _measure(b.keys[0]) and not comparable(a, b, same_measure=float(conf["same_measure"])):
        return None  # two noun classes whose contexts do not mean the same measure
    # the places of one event's sentences differ ("sur les Cévennes" / "aux CHU de Nîmes"):
    # only people and organisations say whose figure it is
    own_a, own_b = _actors(a), _actors(b)
    if own_a and own_b and not overlap(own_a, own_b) and ov is not None and ov == 0.0:
        return None  # both sentences name who the figure is about, and not the same
    if _other_owner(a, b):
        return None  # Lecoq's share is not Dumont's share
    close = (
        sim >= float(conf["min_similarity"])
        or (emb is not None and emb >= float(conf["min_embedding"]))
        or _slip_close(a, b, sim, emb, conf)
        or _same_subject(a, b)
    )  # (a candidate bar of cross_warn_embedding across languages was measured: two day conflicts found, four false alarms)
    if not close and not (
        a.data.get("unique") and b.data.get("unique") and str(a.value.get("slot", "")).startswith(UNIQUE_CANDIDATES)
    ):
        return None  # (a specific measure stated once by each article is a candidate anyway)
    return (emb if emb is not None else sim) + 0.5 * (ov or 0.0)


def _slip_close(a: Claim, b: Claim, sim: float, emb: float | None, conf: dict[str, Any]) -> bool:
    """A misreport's signature ("1,5 million" / "150 000", "14" / "41") between sentences of
    one story: the encoder's bar for one story, and within one language some shared content
    words too ("commercialisés depuis deux semaines" / "le délai d'incubation peut atteindre
    deux mois" share none: two spans, not one misreported)."""
    if slip(a.data["q"], b.data["q"]) is None:
        return False
    if sim <= 0.0 and (emb is None or not _across_languages(a, b)):
        return False
    return emb is None or emb >= float(conf["slip_embedding"])


def _owner_groups(c: Claim) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for o in c.data.get("owner", ()):
        g, _, name = str(o).partition(":")
        groups[g].add(name)
    return groups


def _other_owner(a: Claim, b: Claim) -> bool:
    """Both figures have an owner of one known kind (person, place, organisation), and not the
    same name (nor one inside the other);
    or one's owner is the entity the other sentence sets against its figure ("devant Lecoq")."""
    if a.data["q"].is_temporal:
        pass  # a date "against Castlebrook" is the match's, not a rival's figure
    elif set(a.data.get("owner", ())) & set(b.data.get("rival", ())) or set(b.data.get("owner", ())) & set(
        a.data.get("rival", ())
    ):
        return True
    if _margin(a) and _margin(b) and overlap(_actors(a), _actors(b)):
        return False  # a lead is both sides' ("X devançait Y de 212 voix" / "Y ... 221 voix derrière X")
    ga, gb = _owner_groups(a), _owner_groups(b)
    return any(
        g and not any(_same_name(x, y) for x in ga[g] for y in gb[g]) for g in set(ga) & set(gb) if ga[g] and gb[g]
    )  # names of no known kind (guessed) part nothing; "halverton" is "halverton city marathon"


def _margin(c: Claim) -> bool:
    return bool((c.data.get("tags") or {}).get("delta"))


def _translated_noun(a: Claim, b: Claim, conf: dict[str, Any]) -> bool:
    """Counted nouns of two languages that the encoder reads as one word ("passagers" /
    "passengers" 0.97, "salariés" / "employees" 0.94): one class, judged as such.  Within
    one language another noun is another word choice, and stays another class."""
    if not _across_languages(a, b) or (known_class(a.data["q"]) and known_class(b.data["q"])):
        return False
    sim = noun_similarity(a, b)
    return sim is not None and sim >= float(conf["same_measure"])


#: two durations further apart than this factor are read as two different spans, not as one
#: span misreported (a unit mistake, months for weeks, stays within it)
DURATION_SPREAD = 10.0


#: two physical magnitudes of one family (lengths, areas, masses...) further apart than this
#: factor measure two things ("1,80 mètre" of water in a street, "12 kilomètres" of banks);
#: a unit mistake (km for m, 12 ha for 12 000 m²) stays within it
MAGNITUDE_SPREAD = 100.0
PHYSICAL = frozenset({"length", "area", "mass", "speed", "volume", "power", "energy", "data"})
_SIZES = PHYSICAL - {"speed"}


def _unnamed_physical(a: Claim, b: Claim, sim: float, emb: float | None, conf: dict) -> bool:
    """A length, a mass or an area that neither side says the measure of, in two contexts with
    nothing in common: "within 1.5 miles of the plant" (a cordon) / "heard 16km away" (a sound).
    A story has many such figures; each article stating one is no evidence they are one fact.
    (A speed is left out: a story's one speed is nearly always its one wind or vehicle speed.)"""
    if a.data["q"].qtype not in _SIZES or (a.data.get("measured") and b.data.get("measured")):
        return False
    if _across_languages(a, b):
        # words are not shared across languages: the meaning of the two contexts says instead
        return emb is not None and emb < float(conf["cross_warn_embedding"])
    return sim < float(conf["min_similarity"])


def _far_apart(qa: Quantity, qb: Quantity) -> bool:
    """Two spans or sizes too far apart to be one misreported; one figure written in two
    neighbouring units ("40 secondes" / "40 minutes") is the signature of a unit mistake, not
    of two spans ("three hours" / "trois ans" stay apart)."""
    if qa.nominal <= 0 or qb.nominal <= 0 or qa.qtype != qb.qtype:
        return False
    if unit_slip(qa, qb):
        return False
    if qa.qtype == "duration":
        spread = DURATION_SPREAD
    elif qa.qtype in PHYSICAL:
        spread = MAGNITUDE_SPREAD
    else:
        return False
    return max(qa.nominal, qb.nominal) / min(qa.nominal, qb.nominal) > spread


#: two figures that each article states once, with nothing else in common, are taken for one
#: fact misreported only within this factor: a misreport rarely doubles a figure, while two
#: counts of one story often differ more ("9 500 visiteurs" the first evening, "21 300" over the
#: weekend; "près de 200 pompiers", "14 engins"); measured on the development corpora: every
#: such true warning within 1.8, four false alarms at 1.56, 2.2, 14 and 19 (the 1.56 one stays)
UNIQUE_SPREAD = 2.0


def _within_unique_spread(qa: Quantity, qb: Quantity) -> bool:
    """Whether two figures are close enough to be one fact stated once by each article
    (``UNIQUE_SPREAD``); days are not magnitudes, and a slip ("14" / "41", "1,5 million" /
    "150 000", a conversion off by a power of ten) is a misreport's own signature."""
    if qa.is_temporal or qb.is_temporal or qa.nominal <= 0 or qb.nominal <= 0:
        return True
    if slip(qa, qb) is not None:
        return True
    ratio = max(qa.nominal, qb.nominal) / min(qa.nominal, qb.nominal)
    if qa.extra.get("unit_text") != qb.extra.get("unit_text") and _power_of_ten(ratio):
        return True  # "300 hectares" / "30 km²": a conversion off by a power of ten
    return ratio <= UNIQUE_SPREAD


def _power_of_ten(ratio: float) -> bool:
    exponent = round(math.log10(ratio))
    return exponent >= 1 and math.isclose(ratio, 10.0**exponent, rel_tol=1e-6)


def _lexically_possible(a: Claim, b: Claim, sim: float, conf: dict[str, Any]) -> bool:
    """Whether the words of two same-language sentences leave their meaning match credible:
    the encoder puts every context of one story close together (0.8-0.99), so between two
    sentences of one language a warning also needs some shared content words; across
    languages the encoder is all there is."""
    return _across_languages(a, b) or sim >= float(conf["min_similarity"])


def _across_languages(a: Claim, b: Claim) -> bool:
    """Whether two claims' sentences are of two known languages (an unknown one counts as
    the same language: the stricter, within-language bars apply)."""
    la, lb = a.sentence.language or "", b.sentence.language or ""
    return bool(la and lb) and la[:2] != lb[:2]


#: two word forms of one family share this many leading letters ("rachat" / "racheter")
STEM = 5


def _same_family(x: str, y: str) -> bool:
    return x == y or (len(x) >= STEM and len(y) >= STEM and x[:STEM] == y[:STEM])


def _other_events(a: Claim, b: Claim) -> bool:
    """Two dates of one language attached to different events: each date's predicate (the
    verb or noun it depends on) differs, and neither predicate's word family is named in the
    other sentence.  A date says what happened then; dates of two events are not compared at
    warning level.  Across languages the predicates are other words by nature, and the
    encoder decides as for any figure."""
    return not _across_languages(a, b) and _predicates_named(a, b) == (False, False)


def _one_event(a: Claim, b: Claim) -> bool:
    """Whether two times of day are said of one event: one predicate's word family, or each
    predicate named in the other sentence ("happened at 6.42am" / "the blast happened at
    8.40am").  Across languages no word is shared: not known to be one event (measured: the
    encoder paired "vers 7 h 40" with "shortly before 7 a.m." of another moment)."""
    return not _across_languages(a, b) and _predicates_named(a, b) in ("same", (True, True))


def _predicates_named(a: Claim, b: Claim):
    """How two claims' predicates meet: None when one has none, "same" when they are of one
    word family, else (a's predicate named in b's sentence, b's named in a's)."""
    pa, pb = str(a.value.get("predicate") or ""), str(b.value.get("predicate") or "")
    if not pa or not pb:
        return None
    if _same_family(pa, pb):
        return "same"
    terms_a, terms_b = a.data.get("terms", ()), b.data.get("terms", ())
    return any(_same_family(pa, t) for t in terms_b), any(_same_family(pb, t) for t in terms_a)


def _weekday_among_dates(a: Claim, b: Claim) -> bool:
    """A weekday with no date (its article states no publication date) compared with a
    sentence that holds several dates: which day is which event's is a guess."""
    weekday_only = any(c.data["q"].extra.get("granularity") == "weekday" for c in (a, b))
    return weekday_only and max(a.data.get("sentence_dates", 1), b.data.get("sentence_dates", 1)) > 1


def other_kind(qa: Quantity, qb: Quantity) -> bool:
    """Counts whose nouns' pre-modifiers differ ("140 permanent jobs" / "1,100 jobs", "three
    further charges" / "14 charges"): perhaps one kind of the other's, not the same count."""
    ma, mb = qa.extra.get("modifiers") or (), qb.extra.get("modifiers") or ()
    if not ma and not mb:
        return False
    return {w[:STEM] for w in ma} != {w[:STEM] for w in mb}


def entities_ok_for(ov: float | None, conf: dict[str, Any]) -> bool:
    """Whether the entities of two sentences allow a warning: none named on one side, or enough shared."""
    return ov is None or ov >= float(conf["warn_overlap"])


def generic_level(a: Claim, b: Claim) -> tuple[str, float, float | None, float | None]:
    """(level, context similarity, entity overlap, meaning similarity) of a generic conflict:
    a warning with a similar context (or meaning) and shared entities, else a suggestion."""
    sim, ov = similarity(a, b)
    emb = meaning_similarity(a, b)
    conf = settings(a.data["rule"])
    if a.data.get("part") or b.data.get("part"):
        if a.keys[0] == b.keys[0] and entities_ok_for(ov, conf) and _slip_close(a, b, sim, emb, conf):
            return "warning", sim, ov, emb  # "37" / "73" votes ahead: a misreport, whatever else the sentence counts
        return "suggestion", sim, ov, emb  # one of several figures of one sentence: perhaps a part of the other
    ma, mb = a.data.get("measured"), b.data.get("measured")
    if ma and mb and not _same_family(ma, mb):
        return "suggestion", sim, ov, emb  # "a 3-metre gash" / "the 300ft vessel": two things measured
    if a.data["q"].extra.get("dimension") or b.data["q"].extra.get("dimension"):
        return "suggestion", sim, ov, emb  # "40 × 60 cm": one side of a thing, perhaps the other side
    if _far_apart(a.data["q"], b.data["q"]):
        return "suggestion", sim, ov, emb  # "trois jours" of strike vs "deux ans" of talks: other spans (or sizes)
    if str(a.value.get("slot", "")) == "year" and a.value.get("predicate") != b.value.get("predicate"):
        return "suggestion", sim, ov, emb  # years date many events: a warning needs the same predicate too
    if a.data["q"].is_temporal and _other_events(a, b):
        return "suggestion", sim, ov, emb  # "arrêté le 3 mars" / "procès ouvert le 12 octobre": two events
    if a.data["q"].qtype == "clock" and not _one_event(a, b):
        return "suggestion", sim, ov, emb  # a story's times of day are of many events (the blast, the briefing)
    if _weekday_among_dates(a, b):
        return "suggestion", sim, ov, emb  # "annoncé mercredi l'annulation des vols du jeudi 12 juin"
    entities_ok = entities_ok_for(ov, conf)
    if any(q.extra.get("small_count") or q.extra.get("partitive") for q in (a.data["q"], b.data["q"])):
        # "two sources" / "three sources": small counts in words are everywhere in prose, and
        # "112 of our people" is a part of some group; a warning needs one noun and a close
        # context, or names shared by both sides
        named = ov is not None and ov >= float(conf["warn_overlap"]) and a.data.get("unique") and b.data.get("unique")
        close = sim >= float(conf["warn_similarity"]) and entities_ok
        return ("warning" if a.keys[0] == b.keys[0] and (close or named) else "suggestion"), sim, ov, emb
    if _measure(a.keys[0]) != _measure(b.keys[0]) and not _translated_noun(a, b, conf):
        # paired by meaning across noun classes: a warning needs a close meaning
        strong = emb is not None and emb >= float(conf["warn_embedding"])
        return ("warning" if entities_ok and strong else "suggestion"), sim, ov, emb
    if entities_ok and _slip_close(a, b, sim, emb, conf):
        return "warning", sim, ov, emb  # one figure misreported: a shifted decimal, transposed digits
    if entities_ok and (
        sim >= float(conf["warn_similarity"])
        or (emb is not None and emb >= float(conf["warn_embedding"]) and _lexically_possible(a, b, sim, conf))
        or (emb is not None and _across_languages(a, b) and emb >= float(conf["cross_warn_embedding"]))
    ):
        return "warning", sim, ov, emb
    if entities_ok and _same_subject(a, b) and _measure(a.keys[0]) == _measure(b.keys[0]):
        return "warning", sim, ov, emb  # "Turnout was 31.4 per cent" / "turnout was less than 30 per cent"
    if (
        entities_ok
        and a.data.get("unique")
        and b.data.get("unique")
        and str(a.value.get("slot", "")).startswith(UNAMBIGUOUS)
        and a.value.get("slot") not in _VAGUE_MEASURES
        and not _unnamed_physical(a, b, sim, emb, conf)
        and _within_unique_spread(a.data["q"], b.data["q"])
    ):
        return "warning", sim, ov, emb  # each article states this specific measure once: the same fact
    return "suggestion", sim, ov, emb

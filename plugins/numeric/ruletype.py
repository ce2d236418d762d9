"""The ``numeric`` rule type: quantities compared slot by slot across articles.

Extraction: every quantity of every sentence (``parse.parse_quantities``) is attached to
what it measures (``slots``).  A YAML rule names a slot explicitly::

    match:   {entities: [Microsoft, OpenAI], predicates: [investir, investissement]}
    compare: {unit: currency, tolerance: {relative: 0.02}, cumulative: true}

When several rules could claim a quantity, the rule whose predicate is closest to it
wins (a valuation, an investment and a data-centre budget in one sentence go to three
slots).  Rules of different languages that share ``slot`` are compared with each other
(a French and an English article).  A rule with ``generic: true`` compares the
quantities no other rule claimed by what they measure (type, unit, class of the counted
noun and its modifiers), overlapping entities and context similarity, top-k partners per
claim (``plugins/numeric/generic.py``); a warning when context and entities agree, else a
suggestion.

Comparison: two intervals conflict when they cannot both be true after tolerance
(``hard``), or when a bound contradicts what it implies ("pas moins de 8 milliards"
is not 13,75 milliards: ``implied``, lower score).  A different time scope (a yearly
instalment against a total) lowers the level and says why; vague amounts never
conflict; claims of the same article are never paired (core pairing).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import PurePath
from typing import Any, Iterable

from checker.aggregate import (
    capped_evidence,
    cluster_pairs,
    covered_pairs,
    linked_sides,
    message_language,
    side_summary,
    sides_explanation,
    summary_message,
    value_clusters,
)
from checker.model import LEVELS, CandidateGroup, Claim, Document, Evidence, Finding
from checker.ruletype import RuleType

from plugins.numeric.generic import context_terms, entity_set, generic_level, measure_key, pair_generic
from plugins.numeric.parse import DEFAULT_BOUND_SLACK, Quantity, display, parse_quantities
from plugins.numeric.slots import (
    SentenceView,
    dep_distance,
    fold,
    governor_lemma,
    has_entity,
    key_entities,
    reliable_ids,
    phrase_positions,
    sentence_view,
    time_scope,
    token_distance,
)

UNIT_KINDS = ["currency", "money", "percent", "share", "year", "date", "time", "count", "duration", "any"]
QTYPES = ["money", "share", "year", "date", "count", "duration"]
SKIP_SECTIONS = {"attribution"}
# a year that dates another event ("fondée en 1962") is no narrative scope for the next sentence
_ANCHOR_BEFORE = re.compile(r"(?:fond[ée]e?s?|cr[ée]{2}e?s?|n[ée]e?|founded|established|created|born|since|depuis)\s*$",
                            re.I)
_ANY_LABEL = {"PER", "PERSON", "ORG", "GPE", "LOC", "MISC", "PRODUCT", "NORP", "EVENT", "FAC"}

_STR_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}

NUMERIC_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "slot": {"type": "string", "minLength": 1,
                 "description": "shared slot name: rules of other languages with the same slot are compared"},
        "generic": {"type": "boolean", "description": (
            "compare the quantities no dedicated rule claimed, by what they measure (type, unit, counted-noun "
            "class), shared entities and context similarity")},
        "pairing": {
            "type": "object",
            "description": "candidate pairing of a generic rule (top-k partners per claim, never all pairs)",
            "properties": {
                "top_k": {"type": "integer", "minimum": 1, "maximum": 50,
                          "description": "partners kept per claim, best context similarity first (default 2)"},
                "min_similarity": {"type": "number", "minimum": 0, "maximum": 1, "description": (
                    "minimum TF-IDF cosine of the two sentences' content lemmas (numbers masked) for a "
                    "candidate pair, unless each article states this specific measure once (default 0.15)")},
                "warn_similarity": {"type": "number", "minimum": 0, "maximum": 1, "description": (
                    "context similarity from which a generic conflict is a warning, not a suggestion (default 0.3)")},
                "warn_overlap": {"type": "number", "minimum": 0, "maximum": 1, "description": (
                    "entity overlap (shared / smaller set) needed as well for a warning (default 0.5)")},
            },
            "additionalProperties": False,
        },
        "match": {
            "type": "object",
            "properties": {
                "entities": _STR_LIST,
                "require": {"enum": ["all", "any"]},
                "predicates": _STR_LIST,
                "exclude": _STR_LIST,
                "window": {"type": "integer", "minimum": 1, "maximum": 60},
                "context": {"type": "integer", "minimum": 0, "maximum": 10},
                "nouns": dict(_STR_LIST, description=(
                    "counted nouns of the slot (count quantities only); the listed nouns form one class: "
                    "'400 employees' and '400 people' are compared")),
                "key_entity": {"enum": ["none", "nearest"], "description": (
                    "'nearest': the slot key includes the entity the figure belongs to (nearest company "
                    "mention of the sentence, else those of the previous sentence), so Valmont's revenue "
                    "is not compared with Transalpes' revenue")},
                "key_labels": dict(_STR_LIST, description=(
                    "entity labels allowed as key_entity (default: any label but PER/PERSON)")),
            },
            "additionalProperties": False,
        },
        "compare": {
            "type": "object",
            "properties": {
                "unit": {"oneOf": [{"enum": UNIT_KINDS}, {"type": "string", "pattern": "^[A-Z]{3}$"}]},
                "tolerance": {
                    "type": "object",
                    "properties": {
                        "relative": {"type": "number", "minimum": 0, "maximum": 1},
                        "absolute": {"type": "number", "minimum": 0},
                    },
                    "additionalProperties": False,
                },
                "bound_slack": {"type": "number", "minimum": 1},
                "implied": {"type": "boolean"},
                "cumulative": {"type": "boolean"},
                "scope": {"enum": ["lower", "strict", "ignore"]},
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}


def _unit_ok(rule_unit: str | None, q: Quantity) -> bool:
    if not rule_unit or rule_unit == "any":
        return True
    if rule_unit in ("currency", "money"):
        return q.qtype == "money"
    if rule_unit in ("percent", "share"):
        return q.qtype == "share"
    if rule_unit in ("year", "date", "time"):
        return q.is_temporal
    if rule_unit in ("count", "duration"):
        return q.qtype == rule_unit
    return q.unit == rule_unit  # an ISO currency code


def _noun_in(q: Quantity, nouns) -> bool:
    """Whether a count's noun (its class, or the word as written) is one the rule lists."""
    want = {fold(n).rstrip("s") for n in nouns}
    written = "" if q.extra.get("refined") else q.extra.get("noun_text", "")  # "people ... killed" are deaths
    return any(fold(w).rstrip("s") in want for w in (q.noun, written) if w)


def _short(doc_id: str) -> str:
    name = PurePath(doc_id.replace("\\", "/")).name
    return name.rsplit(".", 1)[0] if "." in name else name


_VERDICTS = {
    "fr": ("incompatibles", "portées différentes, peut-être compatibles", "incompatibles, portées différentes"),
    "en": ("incompatible", "different scopes, possibly compatible", "incompatible, different scopes"),
}


def _verdict(note: str | None, level: str, languages) -> str:
    """The message's closing word(s), in the rule's language: {verdict} in YAML messages."""
    words = _VERDICTS.get((languages or ("en",))[0], _VERDICTS["en"])
    if not note:
        return words[0]
    return words[1] if level == "suggestion" else words[2]


class NumericRuleType(RuleType):
    name = "numeric"
    schema = NUMERIC_SCHEMA
    requires = ("entities",)  # canonical entities on sentences (plugins/entities)

    def setup(self, rules, ctx) -> None:
        super().setup(rules, ctx)
        settings = (ctx.options.settings or {}).get("numeric", {}) if ctx and ctx.options else {}
        self.slack_default = float(settings.get("bound_slack", DEFAULT_BOUND_SLACK)) if isinstance(settings, dict) else DEFAULT_BOUND_SLACK
        self.specific = [r for r in rules if not r.get("generic", False)]
        self.generic = [r for r in rules if r.get("generic", False)]

    # ------------------------------------------------------------------ extract
    def extract(self, doc: Document, rules) -> list[Claim]:
        specific = [r for r in self.specific if r.applies_to(doc.language)]
        if not specific:
            # a language without its own numeric rules (or a short text detected wrongly)
            # is read with every pack; rules sharing a slot then count once
            specific = self.specific
        generic = [r for r in self.generic if r.applies_to(doc.language)] or self.generic[:1]
        if not specific and not generic:
            return []
        claims: list[Claim] = []
        sentences = doc.sentences
        known_ids = reliable_ids(sentences)
        first_named = next((x for x in sentences if any(m.id in known_ids for m in x.entities)), None)
        for si, sent in enumerate(sentences):
            if sent.section in SKIP_SECTIONS:
                continue
            quantities = parse_quantities(sent.text, sent.language or doc.language, bound_slack=self.slack_default)
            if not quantities:
                continue
            prev = [p for p in sentences[max(0, si - 3):si] if p.paragraph == sent.paragraph]
            view = sentence_view(sent, prev)
            view.first, view.known = first_named, known_ids
            years = [q for q in quantities if q.qtype == "year"]
            prev_years = self._years_of(prev[-1], doc) if prev and not years else []
            sent_claims: list[Claim] = []
            for q in quantities:
                sent_claims.extend(self._claims_for(doc, view, q, years, specific, generic, prev, prev_years))
            _mark_parts(sent_claims)
            claims.extend(sent_claims)
        self._propagate_scope(claims)
        if self.ctx is not None:
            self.ctx.add_stat("numeric", "quantities", len(claims))
        return claims

    def _years_of(self, sent, doc) -> list[str]:
        got = parse_quantities(sent.text, sent.language or doc.language, bound_slack=self.slack_default)
        return [q.text.split()[-1] for q in got if q.qtype == "year" and q.approx is None
                and (not q.prep or q.prep in ("en", "in")) and not _ANCHOR_BEFORE.search(sent.text[:q.start])]

    def _claims_for(self, doc, view: SentenceView, q: Quantity, years, specific, generic, prev,
                    prev_years=()) -> list[Claim]:
        sent = view.sentence
        q_idx = view.token_range(q.start, q.end)
        # a duration ("six mois pour se conformer") has no time scope of its own
        scope = None if q.qtype == "duration" else time_scope(view, q, years, q_idx, list(prev_years), periods=True)
        matched: list[tuple[int, Any]] = []
        for rule in specific:
            d = self._rule_distance(rule, view, q, q_idx, prev)
            if d is not None:
                matched.append((d, rule))
        out = []
        base_value = q.to_value()
        if matched:
            # the closest predicate wins; at equal distance a rule naming entities is more
            # specific than a general slot ("Microsoft's stake in OpenAI" vs any stake)
            best = min((d, not r.get("match.entities")) for d, r in matched)
            slots_done: set[str] = set()
            for d, rule in sorted(matched, key=lambda m: (m[0], not m[1].applies_to(doc.language), m[1].id)):
                if (d, not rule.get("match.entities")) != best:
                    continue
                slot = rule.get("slot") or rule.id
                if slot in slots_done:
                    continue
                slots_done.add(slot)
                keys: tuple[str, ...] = (f"numeric:{slot}",)
                owners: list[str] | None = None
                if rule.get("match.key_entity", "none") == "nearest":
                    labels = rule.get("match.key_labels")
                    owners = key_entities(view, q_idx, prev, view.first,
                                          set(labels) if labels else None, view.known)
                    keys = tuple(f"numeric:{slot}@{e}" for e in owners) or (f"numeric:{slot}@",)
                claim = self._claim(doc, sent, q, rule, keys, scope, base_value, slot, view, q_idx)
                if owners is not None:
                    claim.value["key_entities"] = owners
                out.append(claim)
            return out
        for rule in generic[:1]:
            if q.vague:
                continue
            pred = governor_lemma(view, q_idx)
            slot = measure_key(q)
            claim = self._claim(doc, sent, q, rule, (f"numeric-generic:{slot}",), scope, base_value, slot,
                                view, q_idx, predicate=pred)
            terms = getattr(view, "_generic_terms", None)
            if terms is None:
                terms = context_terms(view)
                view._generic_terms = terms  # type: ignore[attr-defined]
            claim.data["terms"] = terms
            claim.data["ents"] = sorted(entity_set(view, q))
            claim.data["own_ents"] = sorted(entity_set(view, q, context=False))
            # whose figure it is: the nearest name of its own sentence ("Lecoq recueille 47,6 %")
            claim.data["owner"] = sorted(fold(e) for e in key_entities(view, q_idx, None, None, _ANY_LABEL, view.known))
            out.append(claim)
        return out

    def _claim(self, doc, sent, q, rule, keys, scope, base_value, slot, view, q_idx, predicate: str = "") -> Claim:
        value = dict(base_value)
        value["scope"] = scope
        value["slot"] = slot
        if predicate:
            value["predicate"] = predicate
        value["entities"] = list(view.entity_ids)
        return Claim(kind=self.name, doc_id=doc.id, sentence=sent, start=sent.start + q.start, end=sent.start + q.end,
                     keys=keys, value=value, rule_id=rule.id,
                     data={"q": q, "rule": rule, "scope": scope, "scope_inherited": False})

    def _rule_distance(self, rule, view: SentenceView, q: Quantity, q_idx: list[int], prev) -> int | None:
        """How close the rule's predicate is to the quantity (None: the rule does not match)."""
        if not _unit_ok(rule.get("compare.unit"), q):
            return None
        nouns = rule.get("match.nouns")
        if nouns and q.qtype == "count" and not _noun_in(q, nouns):
            return None
        ents = rule.get("match.entities") or []
        if ents:
            use_ctx = int(rule.get("match.context", 1)) > 0
            if use_ctx and int(rule.get("match.context", 1)) != 1 and prev:
                # a wider context than the default: re-read entities of more sentences
                pass
            found = [has_entity(view, e, use_context=use_ctx) for e in ents]
            if rule.get("match.require", "all") == "all" and not all(found):
                return None
            if rule.get("match.require", "all") == "any" and not any(found):
                return None
        window = int(rule.get("match.window", 10))
        preds = rule.get("match.predicates") or []
        best = None
        if preds:
            for p in preds:
                for pos in phrase_positions(view, p):
                    d = token_distance(view, q_idx, pos)
                    dd = dep_distance(view, q_idx, pos)
                    if dd is not None and dd <= 2:
                        d = min(d, dd)
                    if d <= window and (best is None or d < best):
                        best = d
            if best is None:
                return None
        else:
            best = window
        # an excluded word vetoes the rule only when it is closer to the quantity than the
        # rule's own predicate ("20 % de ses revenus" is not a stake)
        for ex in rule.get("match.exclude") or []:
            for pos in phrase_positions(view, ex):
                if token_distance(view, q_idx, pos) <= min(best, window):
                    return None
        return best

    @staticmethod
    def _propagate_scope(claims: list[Claim]) -> None:
        """A restatement inherits the time scope given elsewhere in the same article.

        "10 milliards ... en 2023" then "En injectant 10 milliards de dollars" are one fact.
        """
        by_slot: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for c in claims:
            by_slot[(c.doc_id, c.keys[0] if c.keys else "")].append(c)
        for members in by_slot.values():
            scoped = [c for c in members if c.data["scope"]]
            for c in members:
                if c.data["scope"]:
                    continue
                q = c.data["q"]
                for s in scoped:
                    sq = s.data["q"]
                    if sq.qtype == q.qtype and sq.unit == q.unit and math.isclose(sq.nominal, q.nominal, rel_tol=1e-9) \
                            and sq.approx == q.approx:
                        c.data["scope"] = s.data["scope"]
                        c.data["scope_inherited"] = True
                        c.value["scope"] = s.data["scope"]
                        break

    # ------------------------------------------------------------------ pair
    def pair(self, claims, rules):
        """Dedicated slots: claims sharing a slot key.  Generic claims: top-k partners of
        the same measure by entity overlap and context similarity (``generic.pair_generic``)."""
        from checker.pairing import group_by_keys

        assert self.ctx is not None
        specific = [c for c in claims if not c.data["rule"].get("generic", False)]
        generic = [c for c in claims if c.data["rule"].get("generic", False)]
        return group_by_keys(specific, self.ctx) + pair_generic(generic, self.ctx)

    # ------------------------------------------------------------------ compare
    @staticmethod
    def _signature(c: Claim) -> tuple:
        """Everything the pairwise decision (conflict, level, score, wording) reads from a claim.

        Claims with equal signatures are one *value cluster*: whatever they are compared
        with, the outcome is the same, so a candidate group is compared cluster by cluster
        (k distinct values -> k^2/2 decisions, however many articles repeat them).
        """
        q: Quantity = c.data["q"]
        noun = fold(q.noun).rstrip("s") if q.qtype == "count" else ""
        if c.data["rule"].get("generic", False):
            # generic pairs are chosen claim by claim (context, entities): no value clustering
            return (c.keys, c.doc_id, c.start, c.end)
        return (c.keys, c.data["rule"].id, c.data["scope"], q.vague, q.is_temporal, q.qtype, q.unit, noun,
                q.low, q.low_inclusive, q.high, q.high_inclusive, q.soft_low, q.soft_high, q.nominal, q.approx,
                display(q))

    def compare(self, groups: Iterable[CandidateGroup], rules) -> list[Finding]:
        assert self.ctx is not None
        ctx = self.ctx
        findings: list[Finding] = []
        seen: set[tuple] = set()
        clusters, per_group = value_clusters(groups, self._signature)
        ctx.add_stat("numeric", "value_clusters", len(clusters))
        for cl_a, cl_b in cluster_pairs(per_group):
            sides = linked_sides(cl_a, cl_b, ctx)
            if sides is None:
                continue  # no two different (draft-mode allowed) documents across the sides
            side_a, side_b = sides
            ctx.add_stat("numeric", "comparisons", 1)
            ctx.add_stat("numeric", "cluster_pairs_compared", 1)
            ctx.add_stat("numeric", "claim_pairs_covered", covered_pairs(side_a, side_b))
            f = self._compare_pair(side_a[0], side_b[0], side_a, side_b)
            if f is None:
                continue
            ident = (f.rule_id, tuple((e.doc_id, e.start, e.end) for e in f.evidence))
            if ident in seen:
                continue
            seen.add(ident)
            findings.append(f)
        ctx.add_stat("numeric", "findings", len(findings))
        return findings

    def _compare_pair(self, a: Claim, b: Claim, side_a: list[Claim] | None = None,
                      side_b: list[Claim] | None = None) -> Finding | None:
        """The decision for representatives ``a`` and ``b``; the finding covers every claim of the sides.

        ``side_a``/``side_b``: one claim per document whose value equals ``a``'s/``b``'s
        (representative first).  With one document per side the finding is the plain
        two-article finding.
        """
        qa: Quantity = a.data["q"]
        qb: Quantity = b.data["q"]
        ra, rb = a.data["rule"], b.data["rule"]
        if qa.vague or qb.vague:
            return None
        if qa.is_temporal != qb.is_temporal:
            return None
        if qa.is_temporal and (qa.unit == "daymonth") != (qb.unit == "daymonth"):
            return None  # a day without its year is not compared with a dated day
        if not qa.is_temporal and (qa.qtype != qb.qtype or qa.unit != qb.unit):
            return None  # different currencies are never converted; shares vs money are other slots
        if qa.qtype == "count" and fold(qa.noun).rstrip("s") != fold(qb.noun).rstrip("s"):
            # nouns listed by the rule are one class ("employees", "people", "staff")
            na, nb = ra.get("match.nouns"), rb.get("match.nouns")
            if not (na and nb and _noun_in(qa, na) and _noun_in(qb, nb)):
                return None
        rel = max(float(ra.get("compare.tolerance.relative", 0.0)), float(rb.get("compare.tolerance.relative", 0.0)))
        ab = max(float(ra.get("compare.tolerance.absolute", 0.0)), float(rb.get("compare.tolerance.absolute", 0.0)))
        use_implied = bool(ra.get("compare.implied", True)) and bool(rb.get("compare.implied", True))
        hard = _disjoint(qa, qb, rel, ab, soft=False)
        implied = False
        if not hard:
            if not use_implied or not _disjoint(qa, qb, rel, ab, soft=True):
                return None
            implied = True
        # time scope
        sa, sb = a.data["scope"], b.data["scope"]
        scope_mode = ra.get("compare.scope", "lower")
        level = ra.level if ra.level in LEVELS else "warning"
        reasons = []
        generic_info = None
        if ra.get("generic", False):
            level, sim, ov = generic_level(a, b)
            generic_info = {"context_similarity": round(sim, 3), "entity_overlap": None if ov is None else round(ov, 3),
                            "measure": a.value.get("slot")}
        note = ""
        if sa != sb and scope_mode != "ignore":
            if sa and sb:
                return None  # two different years/instalments: not the same fact
            if scope_mode == "strict":
                return None
            scoped, whole = (qa, qb) if sa else (qb, qa)
            scoped_name = sa or sb
            cumulative = bool(ra.get("compare.cumulative", False))
            if cumulative and _fits_in(scoped, whole, rel, ab):
                if scoped.high < 0.5 * whole.low:
                    # a small part of the total is plainly an instalment, not a disagreement
                    if self.ctx is not None:
                        self.ctx.add_stat("numeric", "parts_of_total", 1)
                    return None
                level = "suggestion"
                note = (f"different time scope ({_scope_text(scoped_name)} vs overall): the {display(scoped)} "
                        f"may be one part of the {display(whole)}")
            else:
                level = LEVELS[max(0, LEVELS.index(level) - 1)]
                note = f"different time scope ({_scope_text(scoped_name)} vs overall); level lowered"
            reasons.append(note)
        if implied:
            reasons.append(_implied_reason(qa, qb))
        else:
            reasons.append("the intervals cannot both be true" + (f" (tolerance {rel:.0%})" if rel else ""))
        reason = "; ".join(reasons)
        docs = self.ctx.documents if self.ctx else {}
        name_a, name_b = _short(a.doc_id), _short(b.doc_id)
        va, vb = a.value, b.value
        verdict = "incompatible" if not note else ("different scope" if level == "suggestion" else "incompatible, different scope")
        default_msg = (f"{name_a} says {display(qa)} («{qa.text}»); {name_b} says {display(qb)} («{qb.text}»); "
                       f"{verdict}" + (f" [{ra.get('slot') or ra.id}]" if True else ""))
        placeholders = {
            "a": {"value": display(qa), "doc": name_a, "quote": qa.text, "text": qa.text, "scope": sa or "",
                  "sentence": a.sentence.text},
            "b": {"value": display(qb), "doc": name_b, "quote": qb.text, "text": qb.text, "scope": sb or "",
                  "sentence": b.sentence.text},
            "reason": reason,
            "slot": ra.get("slot") or ra.id,
            "verdict": _verdict(note, level, ra.languages),
        }
        message = ra.format_message(**placeholders) if ra.message else default_msg
        if note and note not in message and "{verdict}" not in ra.message:
            message = f"{message} ({note})"
        explanation = {
            "reason": reason,
            "conflict": "implied" if implied else "hard",
            "slot": ra.get("slot") or ra.id,
            "rules": sorted({ra.id, rb.id}),
            "tolerance": {"relative": rel, "absolute": ab},
            "scope": {name_a: sa, name_b: sb},
            "sentences": {name_a: a.sentence.text, name_b: b.sentence.text},
        }
        if generic_info is not None:
            explanation["generic"] = generic_info
            reason = f"{reason}; same measure ({generic_info['measure']}), context similarity {generic_info['context_similarity']}"
            explanation["reason"] = reason
        if docs and a.doc_id not in docs:
            return None
        side_a, side_b = side_a or [a], side_b or [b]
        explanation["sides"] = sides_explanation([side_a, side_b], [display(qa), display(qb)])
        if len(side_a) == 1 and len(side_b) == 1:
            evidence = [Evidence(doc_id=a.doc_id, start=a.start, end=a.end, value=va),
                        Evidence(doc_id=b.doc_id, start=b.start, end=b.end, value=vb)]
        else:
            evidence = capped_evidence(side_a) + capped_evidence(side_b)
            lang = message_language(ra, a, self.ctx)
            parts = [side_summary(len(side), display(q), [_short(c.doc_id) for c in side], lang)
                     for side, q in ((side_a, qa), (side_b, qb))]
            tail = placeholders["verdict"] + ("" if ra.message else f" [{placeholders['slot']}] ({note})" if note
                                              else f" [{placeholders['slot']}]")
            message = summary_message(ra, parts, tail, lang)
        return Finding(
            rule_id=ra.id,
            kind=self.name,
            level=level,
            message=message,
            evidence=evidence,
            score=(0.75 if implied else 1.0) * (0.6 if note else 1.0),
            explanation=explanation,
        )


def _mark_parts(claims: list[Claim]) -> None:
    """Generic counts of one sentence measuring the same thing with different values are
    parts of an enumeration ("420 magasins, Ostral 310"): compared at a lower level."""
    by_key: dict[str, set] = defaultdict(set)
    for c in claims:
        if c.data["rule"].get("generic", False):
            by_key[c.keys[0]].add(c.data["q"].nominal)
    for c in claims:
        if c.data["rule"].get("generic", False) and c.keys[0].startswith("numeric-generic:count:") \
                and len(by_key[c.keys[0]]) > 1:
            c.data["part"] = True


# ---------------------------------------------------------------------- intervals
def _widen(q: Quantity, rel: float, ab: float, soft: bool) -> tuple[float, bool, float, bool]:
    lo, hi = q.low, q.high
    if soft:
        lo = q.soft_low if q.soft_low is not None else lo
        hi = q.soft_high if q.soft_high is not None else hi
    lo_inc, hi_inc = q.low_inclusive, q.high_inclusive
    if q.is_temporal:
        return lo, lo_inc, hi, hi_inc  # years and dates: exact, tolerance in days via absolute
    t = max(ab, rel * abs(q.nominal))
    if t > 0:
        if not math.isinf(lo):
            lo, lo_inc = lo - t, True
        if not math.isinf(hi):
            hi, hi_inc = hi + t, True
    return lo, lo_inc, hi, hi_inc


def _disjoint(qa: Quantity, qb: Quantity, rel: float, ab: float, *, soft: bool) -> bool:
    a_lo, a_li, a_hi, a_hi_inc = _widen(qa, rel, ab, soft)
    b_lo, b_li, b_hi, b_hi_inc = _widen(qb, rel, ab, soft)
    if qa.is_temporal and ab:
        a_lo, a_hi, b_lo, b_hi = a_lo - ab, a_hi + ab, b_lo - ab, b_hi + ab
    return _before(a_hi, a_hi_inc, b_lo, b_li) or _before(b_hi, b_hi_inc, a_lo, a_li)


def _before(hi: float, hi_inc: bool, lo: float, lo_inc: bool) -> bool:
    """True when every value <= hi lies below every value >= lo."""
    if hi < lo:
        return True
    if hi == lo:
        return not (hi_inc and lo_inc)
    return False


def _fits_in(part: Quantity, whole: Quantity, rel: float, ab: float) -> bool:
    p_lo, _, _, _ = _widen(part, rel, ab, soft=False)
    _, _, w_hi, _ = _widen(whole, rel, ab, soft=True)
    return p_lo <= w_hi


def _scope_text(scope: str) -> str:
    return "initial amount" if scope == "initial" else scope


def _implied_reason(qa: Quantity, qb: Quantity) -> str:
    for q in (qa, qb):
        if q.soft_high is not None or q.soft_low is not None:
            return (f"«{q.text}» implies about {display(q).lstrip('≥><≤ ')}, not the other figure "
                    f"(a bound states the order of magnitude)")
    return "the implied values cannot both be true"

"""The ``relation`` rule type: (subject, relation, object) triples and their constraints.

Each YAML rule names a normalised ``relation`` (shared across languages, e.g.
``cloud_provider``), gives token ``patterns`` (see ``plugins.relations.patterns``) over
the sentence with its entity mentions (filled by the ``entities`` annotator), and
declares ``constraints``:

* ``functional: subject|object`` - the argument that has only one value at a time
  (``ceo``: a company has one CEO -> ``object``); ``functional_when: exclusive`` limits
  it to claims with an exclusive qualifier (a company may have several cloud
  providers, but only one *exclusive* one);
* ``exclusive_shared`` - an ``exclusive`` qualifier against a ``shared`` one for the
  same triple (``accès exclusif`` vs ``accès privilégié``);
* ``antonyms`` - relations that contradict this one for the same pair of entities,
  each possibly declared ``compatible`` (partner / competitor);
* polarity (always on): ``X est ...`` against ``X n'est pas / n'est plus ...``.

Every claim keeps its polarity (negation is never dropped), modality (asserted,
hedged, reported) and time (tense cue, years).  A hedged side lowers the level one
step.  Findings carry both sentences, the normalised triples as evidence values, the
violated constraint and a one-line ``reason``.
"""
from __future__ import annotations

from typing import Any

import json

from checker.model import LEVELS, Claim, Document, EntityMention, Evidence, Finding
from checker.pairing import group_by_keys
from checker.ruletype import RuleType

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

from plugins.relations.patterns import PatternError, build_stream, compile_pattern, cues, years

_PATTERN_ITEM = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "required": ["pattern"],
            "properties": {
                "pattern": {"type": "string", "minLength": 1},
                "object": {"enum": ["slot", "context", "implicit"], "description": (
                    "Where the object comes from: 'slot' ({obj} in the pattern, default), 'context' (the most "
                    "recent organisation-like mention before the subject), 'implicit' (none is named: the "
                    "place or organisation the story is about, e.g. 'le maire sortant X', 'Governor X'; "
                    "implicit objects are only compared with implicit ones)")},
                "swap": {"type": "boolean"},
                "negate": {"type": "boolean", "description": (
                    "The pattern states that the relation no longer holds ('X replaced Y as manager of Z' "
                    "says Y is no longer manager): the claim is negative, changed")},
            },
            "additionalProperties": False,
        },
    ]
}

RELATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["relation", "patterns"],
    "properties": {
        "relation": {"type": "string", "pattern": r"^[A-Za-z0-9_.\-]+$"},
        "label": {"type": "string", "minLength": 1,
                  "description": "How the relation reads in messages, in the rule's language, e.g. "
                                 "'fournisseur cloud de' (default: the relation name)."},
        "qualifier_labels": {
            "type": "object",
            "description": "How the exclusive / shared qualifiers read in messages, e.g. {exclusive: exclusif}.",
            "properties": {"exclusive": {"type": "string"}, "shared": {"type": "string"}},
            "additionalProperties": False,
        },
        "symmetric": {"type": "boolean"},
        "patterns": {"type": "array", "minItems": 1, "items": _PATTERN_ITEM},
        "subject_labels": {"type": "array", "items": {"type": "string"}},
        "object_labels": {"type": "array", "items": {"type": "string"}},
        "context_window": {"type": "integer", "minimum": 0, "maximum": 10},
        "qualifiers": {
            "type": "object",
            "properties": {
                "exclusive": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "shared": {"type": "array", "items": {"type": "string", "minLength": 1}},
            },
            "additionalProperties": False,
        },
        "constraints": {
            "type": "object",
            "properties": {
                "functional": {"enum": ["subject", "object"]},
                "functional_when": {"enum": ["always", "exclusive"]},
                "exclusive_shared": {"type": "boolean"},
                "polarity": {"type": "boolean"},
                "tense": {"enum": ["match", "ignore"], "description": (
                    "'ignore' for one-time events (an acquisition, a founding): 'X was acquired by Y' and "
                    "'X acquired Y' are compared although one reads as past and the other as present; "
                    "default 'match': claims of different tenses are not compared")},
                "antonyms": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["relation"],
                        "properties": {
                            "relation": {"type": "string"},
                            "compatible": {"type": "boolean"},
                        },
                        "additionalProperties": False,
                    },
                },
                "levels": {
                    "type": "object",
                    "properties": {k: {"enum": list(LEVELS)} for k in
                                   ("functional", "exclusive_shared", "polarity", "antonym")},
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    },
}

DEFAULT_LEVELS = {"exclusive_shared": "warning"}
# words that may stand right before a role with no place named ("le maire sortant X", "Governor X")
_IMPLICIT_BEFORE = {"le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "notre", "votre", "ce", "cet",
                    "cette", "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "by", "par",
                    "with", "avec", "and", "et", "said", "dit", "selon"}
IMPLICIT = "*"  # object of 'object: implicit' patterns: the place/organisation the story is about


def _name(v: dict, arg: str) -> str:
    """How an argument of a triple reads: the article's spelling, not the folded id."""
    ident = v[arg]
    if ident == IMPLICIT:
        return "(?)"
    return (v.get("names") or {}).get(arg) or ident


def _down(level: str, steps: int) -> str | None:
    i = LEVELS.index(level) - steps
    return LEVELS[i] if i >= 0 else None


_TRIPLE_WORDS = {
    "fr": {"negative": "négation", "exclusive": "exclusif", "shared": "non exclusif", "hedged": "au conditionnel",
           "reported": "rapporté"},
    "en": {"negative": "negated", "exclusive": "exclusive", "shared": "not exclusive", "hedged": "hedged",
           "reported": "reported"},
}


class _Compiled:
    def __init__(self, rule, ctx):
        self.rule = rule
        self.relation = rule.get("relation")
        self.label = rule.get("label")
        self.qualifier_labels = dict(rule.get("qualifier_labels", {}) or {})
        self.language = (rule.languages or (None,))[0]
        self.symmetric = bool(rule.get("symmetric", False))
        quals = rule.get("qualifiers", {}) or {}
        self.qual_class: dict[str, str] = {}
        from plugins.entities.textnorm import fold

        for cls in ("exclusive", "shared"):
            for q in quals.get(cls, []) or []:
                self.qual_class[" ".join(fold(q).replace("'", "' ").split())] = cls
        self.patterns = []
        for item in rule.get("patterns", []):
            if isinstance(item, str):
                item = {"pattern": item}
            try:
                rx, slots = compile_pattern(item["pattern"], list(self.qual_class))
            except PatternError as exc:
                ctx.error(rule.path, f"rule '{rule.id}': pattern {item['pattern']!r}: {exc}", line=rule.line, kind="rule")
                continue
            mode = item.get("object", "slot")
            if mode == "slot" and "obj" not in slots:
                ctx.error(rule.path, f"rule '{rule.id}': pattern {item['pattern']!r} has no {{obj}} "
                                     f"(add one, or set object: context)", line=rule.line, kind="rule")
                continue
            self.patterns.append((rx, mode, bool(item.get("swap", False)), bool(item.get("negate", False))))
        self.subject_labels = set(rule.get("subject_labels", []) or [])
        self.object_labels = set(rule.get("object_labels", []) or [])
        self.window = rule.get("context_window", 2)
        c = rule.get("constraints", {}) or {}
        self.functional = c.get("functional")
        self.functional_when = c.get("functional_when", "always")
        self.exclusive_shared = c.get("exclusive_shared", True)
        self.polarity = c.get("polarity", True)
        self.tense = c.get("tense", "match")
        self.antonyms = {a["relation"]: bool(a.get("compatible", False)) for a in c.get("antonyms", []) or []}
        self.levels = dict(DEFAULT_LEVELS)
        self.levels.update(c.get("levels", {}) or {})

    def level(self, constraint: str) -> str:
        return self.levels.get(constraint, self.rule.level)


class RelationRuleType(RuleType):
    name = "relation"
    requires = ("entities",)  # canonical entities on sentences (plugins/entities)
    schema = RELATION_SCHEMA

    @classmethod
    def check_rule(cls, body):
        """Compile every pattern when the rule is loaded, so ``rules validate`` names bad ones."""
        from plugins.entities.textnorm import fold

        quals = [" ".join(fold(q).replace("'", "' ").split())
                 for group in (body.get("qualifiers") or {}).values() for q in (group or [])]
        problems = []
        for i, item in enumerate(body.get("patterns") or []):
            item = {"pattern": item} if isinstance(item, str) else item
            try:
                _, slots = compile_pattern(item["pattern"], quals)
            except PatternError as exc:
                problems.append((("patterns", i), str(exc)))
                continue
            if item.get("object", "slot") == "slot" and "obj" not in slots:
                problems.append((("patterns", i), "pattern has no {obj} (add one, or set object: context)"))
        return problems

    def setup(self, rules, ctx) -> None:
        super().setup(rules, ctx)
        self.compiled = [_Compiled(r, ctx) for r in rules]
        self.by_relation: dict[str, list[_Compiled]] = {}
        for c in self.compiled:
            self.by_relation.setdefault(c.relation, []).append(c)

    # -- extraction ------------------------------------------------------------------
    def extract(self, doc: Document, rules) -> list[Claim]:
        claims: list[Claim] = []
        active = [c for c in self.compiled if c.rule.applies_to(doc.language) and c.patterns]
        if not active:
            return claims
        for i, sent in enumerate(doc.sentences):
            if len(sent.entities) == 0:
                continue
            stream = build_stream(sent)
            words = stream.text.split(" ")
            seen: set[tuple] = set()
            for comp in active:
                for rx, mode, swap, negate in comp.patterns:
                    for m in rx.finditer(stream.text):
                        claim = self._claim(doc, i, sent, stream, words, comp, m, mode, swap, negate)
                        if claim is None:
                            continue
                        sig = (comp.relation, claim.value["subject"], claim.value["object"], claim.value["polarity"])
                        if sig in seen:
                            continue
                        seen.add(sig)
                        claims.append(claim)
        if self.ctx is not None:
            self.ctx.add_stat("relation", "triples", len(claims))
        return claims

    def _claim(self, doc, index, sent, stream, words, comp: _Compiled, m, mode, swap, negate=False) -> Claim | None:
        subj = stream.mentions[int(m.group("subj"))]
        if mode == "implicit":
            first_tok = stream.token_range(m.start(), m.end())[0]
            prev = words[first_tok - 1] if first_tok > 0 else ""
            if prev.startswith("§") or prev in ("s", "de", "d'", "du", "des", "of"):
                return None  # "Northbridge manager X", "the club's manager X": the object is named
            if prev and prev[0].isalpha() and prev not in _IMPLICIT_BEFORE:
                p_start = stream.spans[first_tok - 1][0]
                if not sent.text[p_start:p_start + 1].isupper():
                    return None  # "general manager X", "sales manager X": another role, not the one of the rule
            obj = EntityMention(id=IMPLICIT, text="", start=subj.start, end=subj.start, label="")
        elif mode == "context":
            obj = self._context_object(doc, index, sent, subj, stream.spans[stream.token_range(m.start(), m.end())[0]][0],
                                       comp)
            if obj is None:
                return None
        else:
            obj = stream.mentions[int(m.group("obj"))]
        if swap:
            subj, obj = obj, subj
        if subj.id == obj.id:
            return None
        if comp.subject_labels and subj.label and subj.label not in comp.subject_labels:
            return None
        if comp.object_labels and obj.label and obj.label not in comp.object_labels:
            return None
        first, last = stream.token_range(m.start(), m.end())
        lo = max(0, first - 3)
        window = [w for w in words[lo:last + 1] if not w.startswith("§")]
        cue = cues(window, words)
        cue = self._morph(sent, stream, first, last, cue)
        if negate:
            cue = dict(cue, negative=True, changed=True, tense="present")
        qual = None
        for name, val in m.groupdict().items():
            if name.startswith("qual") and val:
                qual = comp.qual_class.get(val)
                break
        s_id, o_id = subj.id, obj.id
        shown = sent.annotations.get("entity_names", {}) or {}
        s_name, o_name = shown.get(s_id, s_id), shown.get(o_id, o_id)
        if comp.symmetric and o_id < s_id:
            s_id, o_id = o_id, s_id
            s_name, o_name = o_name, s_name
        value = {
            "subject": s_id,
            "relation": comp.relation,
            "object": o_id,
            "polarity": "negative" if cue["negative"] else "positive",
            "modality": cue["modality"],
            "qualifier": qual,
            "time": {"tense": cue["tense"], "years": self._years(sent, stream, first, last)},
            "names": {"subject": s_name, "object": o_name},
        }
        if cue["changed"]:
            # a succession ("Z replaced X as ...") is its own statement, apart from "X is no longer ..."
            value["time"]["change"] = "replaced" if negate else "no longer"
        start = sent.start + stream.spans[first][0]
        end = sent.start + stream.spans[last][1]
        keys = [f"pair:{min(s_id, o_id)}|{max(s_id, o_id)}"]
        for c in self.by_relation.get(comp.relation, []):
            if c.functional:
                arg = o_id if c.functional == "object" else s_id
                keys.append(f"fn:{comp.relation}:{c.functional}:{arg}")
        return Claim(kind="relation", doc_id=doc.id, sentence=sent, start=start, end=end, keys=tuple(dict.fromkeys(keys)),
                     value=value, rule_id=comp.rule.id, data=comp)

    @staticmethod
    def _years(sent, stream, first, last) -> list[int]:
        """Years that date the relation: in the matched stretch or the few words around it
        (``qui a racheté Genlys en 2021``, ``n'est plus maire depuis 2020``), not any year of the
        sentence (``..., avait lancé le programme en 2019`` says nothing of the role's time)."""
        lo = stream.spans[max(0, first - 2)][0]
        hi_tok = min(len(stream.spans) - 1, last + 5)
        hi = stream.spans[hi_tok][1]
        return years(sent.text[lo:hi])

    @staticmethod
    def _morph(sent, stream, first, last, cue):
        """Conditional mood (``serait``, ``pourrait``) from the parser's morphology when available."""
        span = sent.tokens
        if span is None or cue["modality"] == "hedged":
            return cue
        base = sent.annotations.get("block_start", sent.start)
        lo = sent.start + stream.spans[first][0]
        hi = sent.start + stream.spans[last][1]
        for tok in span:
            pos = base + tok.idx
            if lo <= pos < hi and "Cnd" in tok.morph.get("Mood"):
                cue = dict(cue, modality="hedged")
                break
        return cue

    def _context_object(self, doc, index, sent, subj, before: int, comp: _Compiled):
        """Most recent ORG-like mention other than the subject, for anaphoric objects (``ces technologies``)."""
        labels = comp.object_labels or {"ORG"}
        pool = [m for m in sent.entities if m.end - sent.start <= before]
        for j in range(index - 1, max(-1, index - 1 - comp.window), -1):
            pool = list(doc.sentences[j].entities) + pool
        for m in reversed(pool):
            if m.id != subj.id and (m.label in labels):
                return m
        return None

    # -- comparison ------------------------------------------------------------------
    def pair(self, claims, rules):
        assert self.ctx is not None
        return group_by_keys(claims, self.ctx)

    @staticmethod
    def _signature(c: Claim) -> tuple:
        """Everything ``_judge`` reads from a claim: rule, normalised triple, polarity,
        modality, qualifier, time.  Equal signatures = one value cluster (same keys too)."""
        value = {k: v for k, v in c.value.items() if k != "names"}  # display only
        return (c.keys, c.data.rule.id, json.dumps(value, sort_keys=True, ensure_ascii=False))

    def compare(self, groups, rules) -> list[Finding]:
        """Each pair of distinct value clusters sharing a group is judged once, on representatives."""
        assert self.ctx is not None
        ctx = self.ctx
        best: dict[tuple, Finding] = {}
        clusters, per_group = value_clusters(groups, self._signature)
        ctx.add_stat("relation", "value_clusters", len(clusters))
        for cl_a, cl_b in cluster_pairs(per_group):
            sides = linked_sides(cl_a, cl_b, ctx)
            if sides is None:
                continue
            ctx.add_stat("relation", "comparisons", 1)
            ctx.add_stat("relation", "cluster_pairs_compared", 1)
            ctx.add_stat("relation", "claim_pairs_covered", covered_pairs(*sides))
            f = self._judge(sides[0][0], sides[1][0], *sides)
            if f is None:
                continue
            # several triples of the same sentences (several rules) give one finding per constraint
            ident = (f.explanation["constraint"], tuple((e.doc_id, e.start) for e in f.evidence))
            if ident not in best:
                best[ident] = f
        ctx.add_stat("relation", "findings", len(best))
        return list(best.values())

    @staticmethod
    def _time_compatible(va, vb, *rules: "_Compiled") -> bool:
        ta, tb = va["time"], vb["time"]
        if ta["years"] and tb["years"] and not set(ta["years"]) & set(tb["years"]):
            return False
        if rules and any(r.tense == "ignore" for r in rules):
            return True  # a one-time event: the tense of the wording says nothing
        return ta["tense"] == tb["tense"]

    def _judge(self, a: Claim, b: Claim, side_a: list[Claim] | None = None,
               side_b: list[Claim] | None = None) -> Finding | None:
        va, vb = a.value, b.value
        ca: _Compiled = a.data
        cb: _Compiled = b.data
        shown_a, shown_b = self._triple(va, ca), self._triple(vb, cb)
        same_rel = va["relation"] == vb["relation"]
        same_args = (va["subject"], va["object"]) == (vb["subject"], vb["object"])
        hedged = (va["modality"] == "hedged") + (vb["modality"] == "hedged")
        pos_a, pos_b = va["polarity"] == "positive", vb["polarity"] == "positive"
        reason = constraint = None
        if same_rel and same_args:
            if pos_a != pos_b and ca.polarity and self._time_compatible(va, vb):
                neg, pos = (va, vb) if not pos_a else (vb, va)
                if neg["qualifier"] == "exclusive" and pos["qualifier"] != "exclusive":
                    return None  # "not the exclusive provider" vs "a provider": compatible
                constraint = "polarity"
                reason = (f"one article says {self._triple(pos, ca)}, the other says it is not the case"
                          + (" any more" if neg["time"].get("change") else ""))
            elif pos_a and pos_b and ca.exclusive_shared and {va["qualifier"], vb["qualifier"]} == {"exclusive", "shared"}:
                constraint = "exclusive_shared"
                reason = (f"{va['relation']} of {_name(va, 'subject')} and {_name(va, 'object')} is called exclusive in one "
                          f"article and shared/privileged (not exclusive) in the other")
        elif same_rel and pos_a and pos_b and ca.functional and self._time_compatible(va, vb, ca, cb):
            arg = "object" if ca.functional == "object" else "subject"
            other = "subject" if arg == "object" else "object"
            if va[arg] == vb[arg] and va[other] != vb[other]:
                if ca.functional_when == "always" or "exclusive" in (va["qualifier"], vb["qualifier"]):
                    constraint = "functional"
                    reason = (f"{va['relation']} of {_name(va, arg)} can have only one value"
                              + (" when exclusive" if ca.functional_when == "exclusive" else "")
                              + f", but the articles give {_name(va, other)} and {_name(vb, other)}")
        elif not same_rel and pos_a and pos_b and {va["subject"], va["object"]} == {vb["subject"], vb["object"]}:
            compat = ca.antonyms.get(vb["relation"])
            if compat is None:
                compat = cb.antonyms.get(va["relation"])
                if compat is not None:
                    ca = cb
            if compat is False and (ca.symmetric or same_args) and self._time_compatible(va, vb, a.data, b.data):
                constraint = "antonym"
                reason = f"{va['relation']} and {vb['relation']} are declared incompatible for the same entities"
        if constraint is None:
            return None
        level = _down(ca.level(constraint), hedged)
        if level is None:
            return None
        rule = ca.rule
        ev_a = Evidence.from_claim(a, whole_sentence=True)
        ev_b = Evidence.from_claim(b, whole_sentence=True)
        docs = self.ctx.documents if self.ctx else {}
        name = lambda d: docs[d].name if d in docs else d  # noqa: E731
        message = rule.format_message(
            a={"value": shown_a, "doc": name(a.doc_id), "quote": a.text, **va},
            b={"value": shown_b, "doc": name(b.doc_id), "quote": b.text, **vb},
            constraint=constraint,
        ) or f"Incompatible relations ({constraint}): {shown_a} ({name(a.doc_id)}) vs {shown_b} ({name(b.doc_id)})"
        score = {"polarity": 0.9, "functional": 0.85, "exclusive_shared": 0.7, "antonym": 0.6}[constraint]
        score *= 0.7 ** hedged
        explanation = {
            "reason": reason,
            "constraint": constraint,
            "triples": [va, vb],
            "matched": [a.text, b.text],
            "hedged_sides": hedged,
        }
        side_a, side_b = side_a or [a], side_b or [b]
        explanation["sides"] = sides_explanation([side_a, side_b], [shown_a, shown_b],
                                                 whole_sentence=True)
        evidence = [ev_a, ev_b]
        if len(side_a) > 1 or len(side_b) > 1:
            evidence = capped_evidence(side_a, whole_sentence=True) + capped_evidence(side_b, whole_sentence=True)
            lang = message_language(rule, a, self.ctx)
            parts = [side_summary(len(side), shown, [name(c.doc_id) for c in side], lang)
                     for side, shown in ((side_a, shown_a), (side_b, shown_b))]
            message = summary_message(rule, parts, "" if rule.message else constraint, lang)
        return Finding(rule_id=rule.id, kind=self.name, level=level, message=message, evidence=evidence, score=score,
                       explanation=explanation)

    @staticmethod
    def _triple(v: dict, compiled: "_Compiled | None" = None) -> str:
        """The triple as a reader sees it: ``Microsoft — fournisseur cloud de — OpenAI (exclusif)``.

        Without a ``label`` in the rule, the relation name is shown as it is.
        """
        lang = (compiled.language if compiled is not None else None) or "en"
        words = _TRIPLE_WORDS.get(lang, _TRIPLE_WORDS["en"])
        label = (compiled.label if compiled is not None else None) or v["relation"]
        notes = []
        if v["polarity"] == "negative":
            notes.append(words["negative"])
        if v.get("qualifier"):
            names = compiled.qualifier_labels if compiled is not None else {}
            notes.append(names.get(v["qualifier"]) or words.get(v["qualifier"], v["qualifier"]))
        if v.get("modality") and v.get("modality") != "asserted":
            notes.append(words.get(v["modality"], v["modality"]))
        tail = f" ({', '.join(notes)})" if notes else ""
        return f"{_name(v, 'subject')} — {label} — {_name(v, 'object')}{tail}"

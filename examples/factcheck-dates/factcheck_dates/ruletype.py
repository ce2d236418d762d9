"""The ``event-date`` rule type: the same event dated differently by two articles.

An *event* is a predicate (a verb or an event noun: ``annoncer``, ``annonce``,
``announce``, ``signer``...) applied to named entities.  For every calendar date in a
sentence (``factcheck_dates.parse``), ``extract`` finds the predicate the date belongs
to and the canonical entities of the sentence (filled by the built-in ``entities``
annotator), and makes a claim keyed by *event* = rule + predicate group + entity.

``compare`` reports two claims from different articles that share the event (every
shared entity when both sentences name two or more, the same direct object when both
are in the same language and have one) and whose dates are further apart than the
rule's tolerance, unless either article also gives a date compatible with the other's.

Rules either list ``match.predicates`` (lemmas, any language: one rule covers
``annoncer`` and ``announce``) or leave it out: the *generic* form then uses the
syntactic head of the date (French dependency parse) as the predicate; dates already
claimed by a rule with predicates are skipped by generic rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from checker.model import CandidateGroup, Claim, Document, Evidence, Finding, Sentence, entity_key
from checker.pairing import unique_pairs
from checker.ruletype import RuleType
from factcheck_dates.parse import DateMention, days_apart, find_dates, fold

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "match": {
            "type": "object",
            "description": "Which dated events the rule is about.",
            "properties": {
                "predicates": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "minItems": 1,
                    "description": "Lemmas (verbs or event nouns, any language) naming the event; "
                    "omit for the generic form (syntactic head of the date).",
                },
                "entities": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "description": "Canonical entity ids; at least one must be in the sentence.",
                },
                "max_distance": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 50,
                    "description": "Most tokens between the predicate and the date (default 12).",
                },
            },
            "additionalProperties": False,
        },
        "compare": {
            "type": "object",
            "properties": {
                "tolerance_days": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Dates at most this many days apart agree (default 0).",
                },
            },
            "additionalProperties": False,
        },
    },
}

NEGATIONS = {"pas", "not", "jamais", "never", "n't", "no"}
DEFAULT_DISTANCE = 12


@dataclass
class EventDate:
    date: DateMention  # offsets relative to the sentence text
    predicate: str  # lemma as found, folded
    group: str  # rule predicate group or the lemma (generic)
    entities: tuple[str, ...]
    obj: str | None  # direct object lemma (same-language comparisons only)
    language: str
    generic: bool


def _lemma(tok) -> str:
    return fold(tok.lemma_ or tok.text)


def _has_parse(span) -> bool:
    return span is not None and span.doc.has_annotation("DEP")


class EventDateRuleType(RuleType):
    name = "event-date"
    schema = SCHEMA
    requires = ("entities",)  # reads the canonical entities of each sentence

    # -- extract ---------------------------------------------------------------------
    def extract(self, doc: Document, rules) -> list[Claim]:
        claims: list[Claim] = []
        specific = [r for r in rules if r.get("match.predicates") and r.applies_to(doc.language)]
        generic = [r for r in rules if not r.get("match.predicates") and r.applies_to(doc.language)]
        for sent in doc.sentences:
            dates = find_dates(sent.text, doc.language)
            if not dates:
                continue
            claimed: set[tuple[int, int]] = set()  # dates explained by a rule with predicates
            for rule in specific + generic:
                for date in dates:
                    if rule in generic and (date.start, date.end) in claimed:
                        continue
                    ev = self._event(sent, date, rule)
                    if ev is None:
                        continue
                    if rule in specific:
                        claimed.add((date.start, date.end))
                    claims.append(self._claim(doc, sent, ev, rule))
        return claims

    def _event(self, sent: Sentence, date: DateMention, rule) -> EventDate | None:
        span = sent.tokens
        if span is None:
            return None
        d_start, d_end = sent.start + date.start, sent.start + date.end
        date_toks = [t for t in span if d_start <= sent.token_offsets(t)[0] < d_end]
        if not date_toks:
            return None
        first, last = date_toks[0].i, date_toks[-1].i
        predicates = [fold(p) for p in rule.get("match.predicates", []) or []]
        max_dist = int(rule.get("match.max_distance", DEFAULT_DISTANCE))
        pred_tok = None
        if predicates:
            best = None
            for tok in span:
                if first <= tok.i <= last or _lemma(tok) not in predicates and fold(tok.text) not in predicates:
                    continue
                dist = first - tok.i if tok.i < first else tok.i - last
                # prefer a predicate before the date ("annoncé le 12"), then the nearest
                rank = (dist > max_dist, tok.i > last, dist)
                if best is None or rank < best[0]:
                    best = (rank, tok)
            if best is None or best[0][0]:
                return None
            pred_tok = best[1]
            group = "|".join(sorted(predicates))
        else:
            if not _has_parse(span):
                return None  # generic form needs a dependency parse
            # the nearest verb governing the date, else the nearest event noun ("l'annonce du 12 mars")
            tok, nouns, seen = date_toks[0], [], 0
            while tok.head.i != tok.i and seen < 8:
                tok = tok.head
                seen += 1
                if first <= tok.i <= last:
                    continue
                if tok.pos_ == "VERB":
                    pred_tok = tok
                    break
                if tok.pos_ == "NOUN" and not tok.ent_type_:
                    nouns.append(tok)
            if pred_tok is None:  # small parsers break sentences into fragments: nearest verb before
                verbs = [t for t in span if t.pos_ == "VERB" and 0 < first - t.i <= max_dist]
                pred_tok = verbs[-1] if verbs else (nouns[0] if nouns else None)
            if pred_tok is None:
                return None
            group = _lemma(pred_tok)
        if self._negated(pred_tok):
            return None
        entities = tuple(sorted({m.id for m in sent.entities if m.end <= d_start or m.start >= d_end}))
        wanted = rule.get("match.entities")
        if wanted and not {entity_key(w) for w in wanted} & {entity_key(e) for e in entities}:
            return None
        if not entities:
            return None  # an event needs a participant to be the same event elsewhere
        obj = None
        if _has_parse(span):
            for child in pred_tok.children:
                if child.dep_ == "obj":
                    obj = _lemma(child)
                    break
        return EventDate(
            date=date,
            predicate=_lemma(pred_tok),
            group=group,
            entities=entities,
            obj=obj,
            language=sent.language,
            generic=not predicates,
        )

    @staticmethod
    def _negated(tok) -> bool:
        return any(fold(c.text) in NEGATIONS or c.dep_ == "neg" for c in tok.children) if tok is not None else False

    def _claim(self, doc: Document, sent: Sentence, ev: EventDate, rule) -> Claim:
        start, end = sent.start + ev.date.start, sent.start + ev.date.end
        keys = tuple(f"{rule.id}\x1f{ev.group}\x1f{entity}" for entity in ev.entities)
        value = {**ev.date.to_value(), "event": f"{ev.predicate} ({', '.join(ev.entities)})"}
        return Claim(
            kind=self.name,
            doc_id=doc.id,
            sentence=sent,
            start=start,
            end=end,
            keys=keys,
            value=value,
            rule_id=rule.id,
            data=ev,
        )

    # -- compare ---------------------------------------------------------------------
    @staticmethod
    def _same_event(a: EventDate, b: EventDate) -> bool:
        shared = set(a.entities) & set(b.entities)
        if len(shared) < min(2, len(a.entities), len(b.entities)):
            return False
        if a.language == b.language and a.obj and b.obj and a.obj != b.obj:
            return False
        return True

    def compare(self, groups: Iterable[CandidateGroup], rules) -> list[Finding]:
        assert self.ctx is not None
        by_id = {r.id: r for r in rules}
        pairs = [
            (a, b)
            for a, b in unique_pairs(groups, self.ctx)
            if a.rule_id == b.rule_id and self._same_event(a.data, b.data)
        ]
        # an article that also gives a compatible date for the event is not contradicted
        agrees: set[tuple[int, str]] = set()
        verdicts = []
        for a, b in pairs:
            rule = by_id.get(a.rule_id)
            if rule is None:
                continue
            tolerance = int(rule.get("compare.tolerance_days", 0))
            gap = days_apart(a.data.date, b.data.date)
            if gap is None or gap <= tolerance:
                agrees.add((id(a), b.doc_id))
                agrees.add((id(b), a.doc_id))
            else:
                verdicts.append((a, b, rule, gap))
        findings = []
        for a, b, rule, gap in verdicts:
            if (id(a), b.doc_id) in agrees or (id(b), a.doc_id) in agrees:
                continue
            findings.append(self._finding(a, b, rule, gap))
        return findings

    def _finding(self, a: Claim, b: Claim, rule, gap: int) -> Finding:
        docs = self.ctx.documents if self.ctx else {}

        def side(c: Claim) -> dict:
            name = docs[c.doc_id].name if c.doc_id in docs else c.doc_id
            return {"value": c.value["date"], "doc": name, "quote": c.text, "event": c.value["event"]}

        sa, sb = side(a), side(b)
        message = rule.format_message(a=sa, b=sb) or (
            f"Event '{a.data.predicate}' dated {sa['value']} in {sa['doc']} but {sb['value']} in {sb['doc']}"
        )
        shared = sorted(set(a.data.entities) & set(b.data.entities))
        return Finding(
            rule_id=rule.id,
            kind=self.name,
            level=rule.level,
            message=message,
            evidence=[Evidence.from_claim(a), Evidence.from_claim(b)],
            score=0.6 if a.data.generic else 0.9,
            explanation={
                "reason": f"same event ({a.data.predicate} / {b.data.predicate}, {', '.join(shared)}) "
                f"dated {gap} day(s) apart",
                "event": {"predicates": [a.data.predicate, b.data.predicate], "entities": shared},
                "dates": [a.value["date"], b.value["date"]],
                "difference_days": gap,
            },
        )

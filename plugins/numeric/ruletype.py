"""The ``numeric`` rule type: quantities compared slot by slot across articles.

Extraction: every quantity of every sentence (``parse.parse_quantities``) is attached to
what it measures (``slots``) and to its scope (``scope``: time scope and the part /
cumulative / one-day / change / place tags).  A YAML rule names a slot explicitly::

    match:   {entities: [Microsoft, OpenAI], predicates: [investir, investissement]}
    compare: {unit: currency, tolerance: {relative: 0.02}, cumulative: true}

When several rules could claim a quantity, the rule whose predicate is closest to it
wins.  Rules of different languages that share ``slot`` are compared with each other.
A rule with ``generic: true`` compares the quantities no other rule claimed by what they
measure (``generic``: unit family, counted-noun class as a hint, the masked-context
embedding when an encoder is available, entities), top-k partners per claim.

Comparison (``intervals``, ``match``): two intervals conflict when they cannot both be
true after tolerance (``hard``), or when a bound contradicts what it implies (``implied``,
lower score).  A different scope lowers the level or silences the pair; vague amounts
never conflict; claims of the same article are never paired (core pairing).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable

from checker.aggregate import (
    capped_evidence,
    compare_clusters,
    message_language,
    side_summary,
    sides_explanation,
    summary_message,
)
from checker.i18n.choose import finding_language
from checker.model import LEVELS, CandidateGroup, Claim, Document, Evidence, Finding
from checker.ruletype import RuleType
from plugins.numeric import messages
from plugins.numeric.actors import listed_after, not_actors
from plugins.numeric.eventdates import DateIndex, dated_document, day_and_month, weekday_of
from plugins.numeric.generic import (
    PHYSICAL,
    context_terms,
    entity_set,
    generic_level,
    measure_key,
    other_kind,
    pair_generic,
    settings,
    source_ids,
)
from plugins.numeric.holders import place_adjective
from plugins.numeric.intervals import DEFAULT_BOUND_SLACK, disjoint, fits_in
from plugins.numeric.match import comparable, noun_in, tolerance, unit_ok
from plugins.numeric.nouns import measured_noun, subject_noun
from plugins.numeric.parse import parse_quantities
from plugins.numeric.quantity import Quantity, display
from plugins.numeric.schema import NUMERIC_SCHEMA, UNIT_KINDS  # noqa: F401  (UNIT_KINDS re-exported)
from plugins.numeric.scope import bare_figures, scope_tags, scope_verdict, sibling_of, time_scope, total_of
from plugins.numeric.slips import shift_of, slip
from plugins.numeric.slots import (
    SentenceView,
    dep_distance,
    governor_lemma,
    has_entity,
    key_entities,
    phrase_positions,
    reliable_ids,
    sentence_view,
    token_distance,
    unaccent_lower,
)
from plugins.numeric.weekdays import WEEKDAY_KEY, weekday_finding, weekday_groups

SKIP_SECTIONS = {"attribution"}
_ANY_LABEL = {"PER", "PERSON", "ORG", "GPE", "LOC", "MISC", "PRODUCT", "NORP", "EVENT", "FAC"}


class NumericRuleType(RuleType):
    name = "numeric"
    schema = NUMERIC_SCHEMA
    requires = ("entities",)  # canonical entities on sentences (plugins/entities)
    #: what a rule's ``message`` may name (``_finding`` fills them)
    placeholders = (
        *(f"{side}.{key}" for side in "ab" for key in ("value", "doc", "quote", "text", "scope", "sentence")),
        "reason",
        "slot",
        "verdict",
    )

    def setup(self, rules, ctx) -> None:
        super().setup(rules, ctx)
        settings_ = (ctx.options.settings or {}).get("numeric", {}) if ctx and ctx.options else {}
        self.slack_default = (
            float(settings_.get("bound_slack", DEFAULT_BOUND_SLACK))
            if isinstance(settings_, dict)
            else DEFAULT_BOUND_SLACK
        )
        self.specific = [r for r in rules if not r.get("generic", False)]
        self.generic = [r for r in rules if r.get("generic", False)]

    # ------------------------------------------------------------------ extract
    def extract(self, doc: Document, rules) -> list[Claim]:
        # a language without its own numeric rules is read with every pack; rules sharing a slot count once
        specific = [r for r in self.specific if r.applies_to(doc.language)] or self.specific
        generic = [r for r in self.generic if r.applies_to(doc.language)] or self.generic[:1]
        if not specific and not generic:
            return []
        claims: list[Claim] = []
        sentences = doc.sentences
        known_ids = reliable_ids(sentences)
        first_named = next((x for x in sentences if any(m.id in known_ids for m in x.entities)), None)
        dates, anchor = dated_document(doc.view or doc.text, doc.language)
        published = anchor.year if anchor is not None else None
        places = _document_places(sentences)
        doc_dates = DateIndex(dates) if dates is not None else None
        for si, sent in enumerate(sentences):
            if sent.section in SKIP_SECTIONS:
                continue
            quantities = parse_quantities(
                sent.text,
                sent.language or doc.language,
                bound_slack=self.slack_default,
                dates=self._sentence_dates(doc_dates, sent),
            )
            if not quantities:
                continue
            prev = [p for p in sentences[max(0, si - 3) : si] if p.paragraph == sent.paragraph]
            view = sentence_view(sent, prev)
            view.first, view.known, view.year, view.places = first_named, known_ids, published, places
            years = [q for q in quantities if q.qtype == "year" or _month_of_year(q)]
            prev_years = self._years_of(prev[-1], doc) if prev and not years else []
            sent_claims: list[Claim] = []
            for q in quantities:
                sent_claims.extend(self._claims_for(doc, view, q, years, specific, generic, prev, prev_years))
            _mark_parts(sent_claims)
            _mark_siblings(sent_claims, quantities, sent.text, sent.language or doc.language)
            n_dates = sum(1 for q in quantities if q.qtype == "date")
            days = _named_days(quantities, sent.text)
            figures = frozenset((c.keys[0], c.data["q"].nominal) for c in sent_claims if not c.data["q"].is_temporal)
            for c in sent_claims:
                c.data["sentence_dates"] = n_dates
                c.data["days"] = days
                c.data["figures"] = figures  # the sentence's other figures (key, value): what its date dates
            claims.extend(sent_claims)
        _propagate_scope(claims)
        claims = _drop_restated_headlines(claims)
        if self.ctx is not None:
            self.ctx.add_stat("numeric", "quantities", sum(1 for c in claims if not c.data.get("slotted")))
        return claims

    @staticmethod
    def _sentence_dates(doc_dates: DateIndex | None, sent) -> list[Quantity] | None:
        """The date reader's mentions inside ``sent`` (None: the regex reader reads them)."""
        if doc_dates is None:
            return None
        got = doc_dates.in_sentence(sent.start, sent.end)
        return [q for q in got if sent.text[q.start : q.end] == q.text]

    def _years_of(self, sent, doc) -> list[str]:
        """Years of the previous sentence that frame the next one: only a year that opens it
        ("En 2023, ..."); a year inside a sentence dates its own event ("£45 million paid in
        2022", "qui a racheté Genlys en 2021") or is a reference ("par rapport à 2020")."""
        got = parse_quantities(sent.text, sent.language or doc.language, bound_slack=self.slack_default)
        return [
            q.text.split()[-1]
            for q in got
            if q.qtype == "year"
            and q.approx is None
            and (not q.prep or q.prep in ("en", "in"))
            and not sent.text[: q.start].strip(" «\"'")
        ]

    def _claims_for(
        self, doc, view: SentenceView, q: Quantity, years, specific, generic, prev, prev_years=()
    ) -> list[Claim]:
        q_idx = view.token_range(q.start, q.end)
        # a duration ("six mois pour se conformer"), a vote's tally or a time of day has no time scope of its own
        scope = (
            None
            if q.qtype in ("duration", "tally", "clock")
            else time_scope(view, q, years, q_idx, list(prev_years), periods=True)
        )
        matched = [(d, rule) for rule in specific if (d := self._rule_distance(rule, view, q, q_idx)) is not None]
        out = self._specific_claims(doc, view, q, q_idx, scope, matched, prev) if matched else []
        if not generic or q.vague:
            return out
        claim = self._generic_claim(doc, view, q, q_idx, scope, generic[0])
        if out:
            # a figure a dedicated slot claimed meets, through the generic pairing, the
            # figures of the articles that do not state that slot ("paying £12m a day" in a
            # slot here, "at a cost the trust puts at £1.2m a day" there): the slot is a
            # hint, not a wall (``generic.pair_generic`` keeps slot against slot out)
            claim.data["slotted"] = sorted({k for c in out for k in c.keys})  # the slot keys (slot@owner)
        return out + [claim]

    def _specific_claims(self, doc, view, q, q_idx, scope, matched, prev) -> list[Claim]:
        # the closest predicate wins; at equal distance a rule naming entities is more
        # specific than a general slot ("Microsoft's stake in OpenAI" vs any stake)
        best = min((d, not r.get("match.entities")) for d, r in matched)
        out, slots_done = [], set()
        for d, rule in sorted(matched, key=lambda m: (m[0], not m[1].applies_to(doc.language), m[1].id)):
            slot = rule.get("slot") or rule.id
            if (d, not rule.get("match.entities")) != best or slot in slots_done:
                continue
            slots_done.add(slot)
            keys: tuple[str, ...] = (f"numeric:{slot}",)
            owners: list[str] | None = None
            if rule.get("match.key_entity", "none") == "nearest":
                labels = rule.get("match.key_labels")
                owners = key_entities(view, q_idx, prev, view.first, set(labels) if labels else None, view.known)
                keys = tuple(f"numeric:{slot}@{e}" for e in owners) or (f"numeric:{slot}@",)
            claim = self._claim(doc, view, q, rule, keys, scope, slot)
            if owners is not None:
                claim.value["key_entities"] = owners
            out.append(claim)
        return out

    def _generic_claim(self, doc, view, q, q_idx, scope, rule) -> Claim:
        slot = measure_key(q)
        claim = self._claim(
            doc, view, q, rule, (f"numeric-generic:{slot}",), scope, slot, predicate=governor_lemma(view, q_idx)
        )
        terms = getattr(view, "_generic_terms", None)
        if terms is None:
            terms = context_terms(view)
            view._generic_terms = terms  # type: ignore[attr-defined]
        claim.data["terms"] = terms
        claim.data["ents"] = sorted(entity_set(view, q))
        claim.data["own_ents"] = sorted(entity_set(view, q, context=False))
        # whose figure it is: the nearest name of its own sentence ("Lecoq recueille 47,6 %")
        sources = source_ids(view)
        owners = [e for e in key_entities(view, q_idx, None, None, _ANY_LABEL, view.known) if e not in sources]
        claim.data["owner"] = sorted(f"{_label_group(view.sentence, e)}:{unaccent_lower(e)}" for e in owners)
        # the sentence's places, but for the figure's own owner ("Dumont recueille 52 %",
        # whatever the recogniser's label): they may confirm a pairing, never refute it
        claim.data["places"] = sorted(
            {unaccent_lower(e) for e in view.entity_ids if _label_group(view.sentence, e) == "LOC"}
            - {unaccent_lower(e) for e in owners}
            | _places_by_form(view)
        )
        claim.data["not_actors"] = sorted(not_actors(view))  # dates and speakers named in the sentence
        claim.data["rival"] = _rivals(view.sentence)
        if q.qtype in PHYSICAL:
            claim.data["measured"] = measured_noun(view.sentence.text, q.end, q.text, view.sentence.language or "")
        if q.qtype in ("share", "money"):
            claim.data["subject"] = subject_noun(view.sentence.text, q.start, view.sentence.language or "")
        return claim

    def _claim(self, doc, view, q, rule, keys, scope, slot, predicate: str = "") -> Claim:
        sent = view.sentence
        value = q.to_value()
        value["scope"] = scope
        value["slot"] = slot
        if predicate:
            value["predicate"] = predicate
        value["entities"] = list(view.entity_ids)
        tags = scope_tags(sent.text, q, (sent.language or "fr")[:2])
        if q.qtype == "count" and "place" not in tags:
            place = place_adjective(sent.text, q, view.places)
            if place:
                tags["place"] = place  # "780 000 foyers bretons" in an article that names the Bretagne
        if tags:
            value["scope_tags"] = tags
        return Claim(
            kind=self.name,
            doc_id=doc.id,
            sentence=sent,
            start=sent.start + q.start,
            end=sent.start + q.end,
            keys=keys,
            value=value,
            rule_id=rule.id,
            data={"q": q, "rule": rule, "scope": scope, "scope_inherited": False, "tags": tags},
        )

    def _rule_distance(self, rule, view: SentenceView, q: Quantity, q_idx: list[int]) -> int | None:
        """How close the rule's predicate is to the quantity (None: the rule does not match)."""
        if not unit_ok(rule.get("compare.unit"), q):
            return None
        nouns = rule.get("match.nouns")
        if nouns and q.qtype == "count" and not noun_in(q, nouns):
            return None
        ents = rule.get("match.entities") or []
        if ents:
            use_ctx = int(rule.get("match.context", 1)) > 0
            found = [has_entity(view, e, use_context=use_ctx) for e in ents]
            if not (all(found) if rule.get("match.require", "all") == "all" else any(found)):
                return None
        window = int(rule.get("match.window", 10))
        preds = rule.get("match.predicates") or []
        best = _predicate_distance(view, q_idx, preds, window) if preds else window
        if best is None:
            return None
        # an excluded word vetoes the rule only when it is closer to the quantity than the
        # rule's own predicate ("20 % de ses revenus" is not a stake); before the figure, a
        # predicate that is the counted noun itself sets no bar ("will lay off 1,400 employees")
        counted = {unaccent_lower(w) for w in (q.noun, q.extra.get("noun_text", "")) if w}
        before = window if counted & {unaccent_lower(p) for p in preds} else min(best, window)
        for ex in rule.get("match.exclude") or []:
            for pos in phrase_positions(view, ex):
                bar = before if pos < min(q_idx) else min(best, window)
                if token_distance(view, q_idx, pos) <= bar:
                    return None
        return best

    # ------------------------------------------------------------------ pair
    def pair(self, claims, rules):
        """Dedicated slots: claims sharing a slot key.  Generic claims: top-k partners of
        the same measure by meaning, entity overlap and context similarity (``generic.pair_generic``)."""
        from checker.pairing import group_by_keys

        assert self.ctx is not None
        specific = [c for c in claims if not c.data["rule"].get("generic", False)]
        generic = [c for c in claims if c.data["rule"].get("generic", False)]
        _mark_slot_peers(specific)
        return weekday_groups(claims, self.ctx) + group_by_keys(specific, self.ctx) + pair_generic(generic, self.ctx)

    # ------------------------------------------------------------------ compare
    @staticmethod
    def _signature(c: Claim) -> tuple:
        """Everything the pairwise decision (conflict, level, score, wording) reads from a claim.

        Claims with equal signatures are one *value cluster*: whatever they are compared
        with, the outcome is the same, so a candidate group is compared cluster by cluster.
        """
        q: Quantity = c.data["q"]
        noun = unaccent_lower(q.noun).rstrip("s") if q.qtype == "count" else ""
        if c.data["rule"].get("generic", False):
            # generic pairs are chosen claim by claim (context, entities): no value clustering
            return (c.keys, c.doc_id, c.start, c.end)
        return (
            c.keys,
            c.data["rule"].id,
            c.data["scope"],
            tuple(sorted(c.data.get("tags", {}).items())),
            q.vague,
            q.is_temporal,
            q.qtype,
            q.unit,
            noun,
            q.low,
            q.low_inclusive,
            q.high,
            q.high_inclusive,
            q.soft_low,
            q.soft_high,
            q.nominal,
            q.approx,
            display(q),
            q.extra.get("unit_text"),
        )

    def compare(self, groups: Iterable[CandidateGroup], rules) -> list[Finding]:
        """Each pair of distinct value clusters sharing a group is judged once, on representatives."""
        assert self.ctx is not None
        groups = list(groups)
        within = [weekday_finding(g.claims[0], self.ctx) for g in groups if g.key.startswith(WEEKDAY_KEY)]
        return within + compare_clusters(
            [g for g in groups if not g.key.startswith(WEEKDAY_KEY)],
            self._signature,
            lambda side_a, side_b: self._compare_pair(side_a[0], side_b[0], side_a, side_b),
            self.ctx,
            kind="numeric",
            identity=lambda f: (f.rule_id, tuple((e.doc_id, e.start, e.end) for e in f.evidence)),
        )

    def _compare_pair(
        self, a: Claim, b: Claim, side_a: list[Claim] | None = None, side_b: list[Claim] | None = None
    ) -> Finding | None:
        """The decision for representatives ``a`` and ``b``; the finding covers every claim of the sides."""
        side_a, side_b = side_a or [a], side_b or [b]
        ra = a.data["rule"]
        generic = bool(ra.get("generic", False))
        same = float(settings(ra)["same_measure"]) if generic else None
        if not comparable(a, b, same_measure=same):
            return None
        conflict = _conflict(a, b)
        if conflict is None:
            return None
        implied, rel, ab = conflict
        lang = finding_language(self.ctx, [a.doc_id, b.doc_id], fallback=a.sentence.language if a.sentence else None)
        decided = self._level(a, b, rel, ab, lang, (side_a, side_b))
        if decided is None:
            return None
        level, notes, generic_info = decided
        if implied and generic_info is not None:
            level = "suggestion"  # a generic slot and an implied bound: two guesses, at most a suggestion
        reasons = notes + [messages.conflict_reason(implied, a.data["q"], b.data["q"], rel, lang)]
        kind = slip(a.data["q"], b.data["q"]) if generic else None
        slipped = messages.slip_reason(kind, shift_of(a.data["q"], b.data["q"]), lang) if kind else ""
        if slipped:
            reasons.append(slipped)
        found = self._finding(
            a,
            b,
            side_a,
            side_b,
            level,
            messages.join_reasons(reasons, lang),
            notes[0] if notes else "",
            implied,
            rel,
            ab,
            generic_info,
            lang,
        )
        if found is not None and slipped:
            found.message = f"{found.message} ({slipped})"  # the editor reads why the figures look like one
        return found

    def _level(self, a: Claim, b: Claim, rel: float, ab: float, lang: str, sides: tuple[list[Claim], list[Claim]]):
        """(level, notes, generic info) of a conflict, or None when the scopes say it is no conflict.

        ``sides`` are the two value clusters the representatives stand for (one claim per article)."""
        ra = a.data["rule"]
        level = ra.level if ra.level in LEVELS else "warning"
        generic_info = None
        if ra.get("generic", False):
            level, sim, ov, emb = generic_level(a, b)
            generic_info = {
                "context_similarity": round(sim, 3),
                "entity_overlap": None if ov is None else round(ov, 3),
                "measure": a.value.get("slot"),
            }
            if emb is not None:
                generic_info["meaning_similarity"] = round(emb, 3)
        notes: list[str] = []
        if level in ("warning", "error") and other_kind(a.data["q"], b.data["q"]):
            level = "suggestion"  # "140 permanent jobs" / "1,100 jobs": which kind, the modifier says
        if sibling_of(a.data.get("siblings", []), b.data["q"]) or sibling_of(b.data.get("siblings", []), a.data["q"]):
            return None  # the other article gives another figure of this sentence (a part, the other side)
        if total_of(a.data.get("siblings", []), a.data["q"], b.data["q"]) or total_of(
            b.data.get("siblings", []), b.data["q"], a.data["q"]
        ):
            return None  # the other article gives the sum of this sentence's figures (the parts and their total)
        if level == "warning" and _other_days(a, b):
            level = "suggestion"  # "samedi, 52 000 spectateurs" / "dimanche, 45 000": perhaps two days' figures
            notes.append(messages.other_days(lang))
        if level == "warning" and _both_values_given(*sides):
            level = "suggestion"  # the other article also gives this figure: they agree on it, the pair is two facts
            notes.append(messages.stated_by_both(lang))
        shared = _shared_figure(a, b) if level == "warning" else None
        if shared is not None:
            level = "suggestion"  # "52,400 ha, up from 38,000" / "61,800 ha, up from 52,400": one series
            notes.append(messages.shared_series(display(shared), lang))
        tags = scope_verdict(*_places_shared(a, b))
        if tags == "differ":
            return None
        if tags == "unsure":
            level = "suggestion"
            notes.append(messages.tags_note(a.data.get("tags") or {}, b.data.get("tags") or {}, lang))
        got = self._time_scope_level(a, b, level, rel, ab, lang)
        if got is None:
            return None
        level, note = got
        if note:
            notes.insert(0, note)
        return level, notes, generic_info

    def _time_scope_level(self, a: Claim, b: Claim, level: str, rel: float, ab: float, lang: str = "en"):
        """(level, note) after the time scopes of the two claims, None when they are other facts."""
        ra = a.data["rule"]
        sa, sb = a.data["scope"], b.data["scope"]
        scope_mode = ra.get("compare.scope", "lower")
        if sa == sb or scope_mode == "ignore":
            return level, ""
        if (sa and sb) or scope_mode == "strict":
            return None  # two different years/instalments: not the same fact
        qa, qb = a.data["q"], b.data["q"]
        scoped, whole = (qa, qb) if sa else (qb, qa)
        if bool(ra.get("compare.cumulative", False)) and fits_in(scoped, whole, rel, ab):
            if scoped.high < 0.5 * whole.low:
                if self.ctx is not None:  # a small part of the total is plainly an instalment
                    self.ctx.add_stat("numeric", "parts_of_total", 1)
                return None
            return "suggestion", messages.time_scope_part(sa or sb, scoped, whole, lang)
        return LEVELS[max(0, LEVELS.index(level) - 1)], messages.time_scope_lowered(sa or sb, lang)

    def _finding(
        self, a, b, side_a, side_b, level, reason, note, implied, rel, ab, generic_info, lang="en"
    ) -> Finding | None:
        ra, rb = a.data["rule"], b.data["rule"]
        qa, qb = a.data["q"], b.data["q"]
        docs = self.ctx.documents if self.ctx else {}
        if docs and a.doc_id not in docs:
            return None
        name_a, name_b = messages.short(a.doc_id), messages.short(b.doc_id)
        slot = ra.get("slot") or ra.id
        said = message_language(ra, a, self.ctx, [a.doc_id, b.doc_id])  # a rule's template keeps its language
        placeholders = {
            "a": {
                "value": messages.shown(qa, said),
                "doc": name_a,
                "quote": qa.text,
                "text": qa.text,
                "scope": a.data["scope"] or "",
                "sentence": a.sentence.text,
            },
            "b": {
                "value": messages.shown(qb, said),
                "doc": name_b,
                "quote": qb.text,
                "text": qb.text,
                "scope": b.data["scope"] or "",
                "sentence": b.sentence.text,
            },
            "reason": reason,
            "slot": slot,
            "verdict": messages.verdict(note, level, said),
        }
        message = (
            ra.format_message(**placeholders)
            if ra.message
            else messages.default_message(name_a, qa, name_b, qb, note, level, slot, said)
        )
        if note and note not in message and "{verdict}" not in ra.message:
            message = f"{message} ({note})"
        explanation = {
            "reason": reason,
            "conflict": "implied" if implied else "hard",
            "slot": slot,
            "rules": sorted({ra.id, rb.id}),
            "tolerance": {"relative": rel, "absolute": ab},
            "scope": {name_a: a.data["scope"], name_b: b.data["scope"]},
            "sentences": {name_a: a.sentence.text, name_b: b.sentence.text},
        }
        if generic_info is not None:
            explanation["generic"] = generic_info
            explanation["reason"] = messages.generic_reason(
                reason, str(generic_info["measure"]), generic_info["context_similarity"], lang
            )
        explanation["sides"] = sides_explanation([side_a, side_b], [messages.shown(qa, lang), messages.shown(qb, lang)])
        if len(side_a) == 1 and len(side_b) == 1:
            evidence = [
                Evidence(doc_id=a.doc_id, start=a.start, end=a.end, value=a.value),
                Evidence(doc_id=b.doc_id, start=b.start, end=b.end, value=b.value),
            ]
        else:
            evidence = capped_evidence(side_a) + capped_evidence(side_b)
            parts = [
                side_summary(len(side), messages.shown(q, said), [messages.short(c.doc_id) for c in side], said)
                for side, q in ((side_a, qa), (side_b, qb))
            ]
            tail = placeholders["verdict"] + ("" if ra.message else f" [{slot}] ({note})" if note else f" [{slot}]")
            message = summary_message(ra, parts, tail, said)
        return Finding(
            rule_id=ra.id,
            kind=self.name,
            level=level,
            message=message,
            evidence=evidence,
            score=(0.75 if implied else 1.0) * (0.6 if note else 1.0),
            explanation=explanation,
        )


_RIVAL_BEFORE = re.compile(
    r"(?:devant|contre|face\s+[àa]|ahead\s+of|against|than|versus|vs\.?|celles?\s+d[eu']|"
    r"celui\s+d[eu']|ceux\s+d[eu']|that\s+of|those\s+of)\s*(?:l['’]|la\s+|le\s+|the\s+)?$",
    re.I,
)


def _rivals(sentence) -> list[str]:
    """Entities the sentence sets against the figure's owner ("devant celle de Bernard Lecoq",
    "ahead of Lecoq"): their figure is another one."""
    out = set()
    for m in sentence.entities:
        before = sentence.text[max(0, m.start - sentence.start - 30) : m.start - sentence.start]
        if _RIVAL_BEFORE.search(before):
            out.add(f"{_label_group(sentence, m.id)}:{unaccent_lower(m.id)}")
    return sorted(out)


#: a name after these words is where something happens, not whose figure it is ("in
#: northwest England", "près de Nantes"); an unlabelled name (English has no recogniser) is
#: known as a place by this form
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|across|throughout|dans|près\s+de|pres\s+de|vers|à|en)|^)\s+"
    r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|northwest|northeast|southwest|"
    r"southeast|the|le|la|les|l['’])\s*)*$",
    re.I,
)
#: "the Denver-based maker", "basée à Lyon": the name is the company's seat
_PLACE_AFTER = re.compile(r"^[-\s]?(?:based|headquartered)\b", re.I)
_SEAT_BEFORE = re.compile(r"\b(?:bas[ée]e?s?|implant[ée]e?s?|si[ée]g[ée]e?s?)\s+(?:à|au|en)\s+$", re.I)


def _document_places(sentences) -> frozenset[str]:
    """Places an article names: its mentions labelled a place, a name after a locative
    preposition ("in Leeds", "en Bretagne"), or, where the language has no recogniser, any
    name (only a place makes an adjective of the counted noun: "Scottish" and "Scotland")."""
    out = set()
    for sentence in sentences:
        for m in sentence.entities or ():
            if m.label in ("LOC", "GPE", ""):
                out.add(unaccent_lower(m.text))
                continue
            if _after_locative(sentence, m):
                out.add(unaccent_lower(m.text))
    return frozenset(out)


def _after_locative(sentence, m) -> bool:
    """Whether the mention ``m`` follows a locative preposition ("in Leeds", "près de Nantes")."""
    s = m.start - sentence.start
    before = sentence.text[max(0, s - 40) : s]
    return bool(before.strip()) and bool(_PLACE_BEFORE.search(before))


def _places_by_form(view: SentenceView) -> set[str]:
    """Names of the sentence that its words make places: after a locative preposition ("in
    Leeds", "près de Nantes"), or the seat of a company ("Denver-based", "basée à Lyon").
    Read once per sentence (every figure of it asks)."""
    cached = getattr(view, "_places_by_form", None)
    if cached is not None:
        return cached
    out: set[str] = set()
    sentence = view.sentence
    text = sentence.text
    for m in sentence.entities or ():
        s, e = m.start - sentence.start, m.end - sentence.start
        before, after = text[max(0, s - 40) : s], text[e : e + 16]
        if _after_locative(sentence, m) or _PLACE_AFTER.match(after) or _SEAT_BEFORE.search(before):
            out.add(unaccent_lower(m.id))
    out |= listed_after(view, out)  # "in Ullapool, Lairg and Portree"
    view._places_by_form = out  # type: ignore[attr-defined]
    return out


def _label_group(sentence, entity_id: str) -> str:
    """PER, LOC or ORG: owners of two figures are compared within one group (a player's goals
    are not refuted by a club's).  A name guessed with no label (a pipeline without NER) has
    no known kind: "" (a street and a runner are no two owners of one kind)."""
    labels = {m.label for m in sentence.entities if m.id == entity_id}
    if labels & {"PER", "PERSON"}:
        return "PER"
    if labels & {"GPE", "LOC", "FAC"}:
        return "LOC"
    return "ORG" if labels - {""} else ""


def _predicate_distance(view: SentenceView, q_idx: list[int], preds, window: int) -> int | None:
    best = None
    for p in preds:
        for pos in phrase_positions(view, p):
            d = token_distance(view, q_idx, pos)
            dd = dep_distance(view, q_idx, pos)
            if dd is not None and dd <= 2:
                d = min(d, dd)
            if d <= window and (best is None or d < best):
                best = d
    return best


def _conflict(a: Claim, b: Claim) -> tuple[bool, float, float] | None:
    """(implied, relative tolerance, absolute tolerance) when the two figures conflict, else None."""
    qa, qb = a.data["q"], b.data["q"]
    if "weekday" in (qa.extra.get("granularity"), qb.extra.get("granularity")):
        wa, wb = weekday_of(qa), weekday_of(qb)  # a weekday with no date: only the weekday is known
        return (False, 0.0, 0.0) if wa is not None and wb is not None and wa != wb else None
    bare = _bare_weekday(qa)
    if bare is not None and bare == _bare_weekday(qb):
        return None  # "mardi" / "mardi": one word in both; two anchors' readings of it are no disagreement
    qa, qb = day_and_month(qa, qb)  # a day without its year against a dated one: by day and month
    if slip(qa, qb) == "weekday":
        return False, 0.0, 0.0  # one day, two weekdays: one article is wrong
    rel, ab = tolerance(a, b)
    if disjoint(qa, qb, rel, ab, soft=False):
        return False, rel, ab
    use_implied = bool(a.data["rule"].get("compare.implied", True)) and bool(
        b.data["rule"].get("compare.implied", True)
    )
    if use_implied and disjoint(qa, qb, rel, ab, soft=True):
        return True, rel, ab
    return None


def _bare_weekday(q: Quantity) -> int | None:
    """The weekday of a date written as a weekday alone ("mardi", "on Tuesday"), read from
    its article's anchor and tense; None for any other figure."""
    if q.qtype != "date" or not q.extra.get("relative") or q.extra.get("weekday") is None:
        return None
    return None if any(ch.isdigit() for ch in q.text) else int(q.extra["weekday"])


def _places_shared(a: Claim, b: Claim) -> tuple[dict, dict]:
    """The two claims' scope tags, a place one of them is scoped to counted as the other's
    too when the other's sentence names it ("À Mâcon, 13 voyageurs ont été blessés" / "Le
    déraillement de Mâcon a fait 31 blessés": one place)."""
    ta, tb = dict(a.data.get("tags") or {}), dict(b.data.get("tags") or {})
    for mine, other, claim in ((ta, tb, b), (tb, ta, a)):
        place = mine.get("place")
        if place and not other.get("place") and claim.sentence is not None:
            if re.search(rf"\b{re.escape(place)}\b", unaccent_lower(claim.sentence.text)):
                other["place"] = place
    return ta, tb


def _named_days(quantities: list[Quantity], text: str) -> frozenset:
    """The single days a sentence opens on ("Samedi, ...", "Hier, dimanche, ...", "La journée
    de samedi, ..."): their dates, or their weekdays when no publication date resolves them.
    A day that opens a sentence is its topic: the figures that follow are that day's (a day
    inside the clause, "voted 7-2 on Tuesday", dates one event)."""
    days = set()
    for q in quantities:
        if q.qtype != "date" or q.extra.get("granularity") not in ("day", "weekday", None):
            continue
        if q.start > 16 or not re.match(r"\s*,", text[q.end :]):
            continue
        if q.low == q.high:
            days.add(q.low)
        elif q.extra.get("weekday") is not None:
            days.add(f"weekday:{q.extra['weekday']}")
    return frozenset(days)


def _other_days(a: Claim, b: Claim) -> bool:
    """Whether two figures are perhaps each day's own: two figures whose sentences open on
    different days, or two such days that each date a figure of one measure."""
    if a.data["q"].is_temporal:
        return _days_of_two_figures(a, b)
    da, db = a.data.get("days"), b.data.get("days")
    return bool(da and db and not da & db)


def _days_of_two_figures(a: Claim, b: Claim) -> bool:
    """Whether two dates that open their sentences ("Samedi, ...") each date a figure of one
    measure, and not the same value:
    each date then dates its own figure ("Samedi, 31 000 visiteurs" / "Dimanche, 24 000
    visiteurs"), not one event told with two days."""
    if not (a.data.get("days") and b.data.get("days")):
        return False  # a day inside the clause dates one event ("voted 7-2 on Tuesday")
    fa, fb = a.data.get("figures") or (), b.data.get("figures") or ()
    keys_b = {k for k, _ in fb}
    return any(k in keys_b and (k, v) not in fb for k, v in fa)


#: qualifiers that round a number without bounding it ("about 52,400", "une trentaine"): such a
#: figure still gives its number; a bound ("more than 400") agrees with too much to count
_ROUGH = ("about", "rough")


def _stated_by_both(a: Claim, b: Claim) -> bool:
    """Whether ``a``'s article also states a figure of ``b``'s measure that agrees with ``b``
    (an exact one, or an approximation of the same number, "about eight kilometres" twice: not a
    bound, which agrees with too much): both articles then give ``b``'s figure, and ``a`` is
    another fact of that measure (a part, another day, another event), not a misreport."""
    qa, qb = a.data["q"], b.data["q"]
    for p in a.data.get("peers", ()):
        q = p.data["q"]
        if p is a or q.vague or q.nominal == qa.nominal:
            continue
        if q.approx is not None and (q.approx not in _ROUGH or q.nominal != qb.nominal):
            continue
        if _agrees(p, b):
            return True
    return False


def _agrees(p: Claim, other: Claim) -> bool:
    """Whether two claims are one measure (by the generic rule's meaning bar, or one slot) and
    their figures do not conflict."""
    rule = p.data["rule"]
    same = float(settings(rule)["same_measure"]) if rule.get("generic", False) else None
    return comparable(p, other, same_measure=same) and _conflict(p, other) is None


def _given(p: Claim, other: Claim) -> bool:
    """Whether ``p`` gives ``other``'s figure: the same number, exact or approximate ("an
    estimated 52,400" and "52,400"; a bound agrees with too much to count), of a comparable measure."""
    return _same_number(p, other) and _agrees(p, other)


def _shared_figure(a: Claim, b: Claim) -> Quantity | None:
    """A third figure of the measure that both articles give in the pair's own sentences ("has
    grown to 52,400 hectares, up from 38,000" / "grew to 61,800 hectares, up from 52,400"): the
    sentences then tell points of one series (a size and an earlier one), and the pair is two of
    them rather than one misreported fact.  The shared figure must be of the pair's own key
    (hectares with hectares: "four workers died, 17 injured" shares no point with the deaths);
    a figure shared elsewhere in the articles says nothing of the pair (measured: either
    silenced real disagreements)."""
    qa, qb = a.data["q"], b.data["q"]
    if qa.is_temporal:
        return None  # the dates of one sentence are of its events ("launched Nov. 17, to land Dec. 8")
    for p in a.data.get("peers", ()):
        q = p.data["q"]
        if p is a or p.sentence is not a.sentence or p.keys[:1] != a.keys[:1] or q.nominal in (qa.nominal, qb.nominal):
            continue
        for r in b.data.get("peers", ()):
            if r is b or r.sentence is not b.sentence or r.keys[:1] != b.keys[:1]:
                continue
            if r.data["q"].nominal in (qa.nominal, qb.nominal):
                continue
            if _given(p, r):
                return q
    return None


def _both_values_given(side_a: list[Claim], side_b: list[Claim]) -> bool:
    """Whether every article of one side also gives the other side's figure: the articles then
    agree on that figure, and the other is another fact of the measure.  One article of the side
    that gives only its own figure keeps the pair a conflict (a third article that disagrees)."""
    a, b = side_a[0], side_b[0]
    if all(_stated_by_both(c, a) for c in side_b) or all(_stated_by_both(c, b) for c in side_a):
        return True
    return _third_gives_both(a, b, {c.doc_id for c in side_a} | {c.doc_id for c in side_b})


def _third_gives_both(a: Claim, b: Claim, sides: set[str]) -> bool:
    """Whether an article of neither side gives both numbers side by side, two figures of the
    measure in one sentence ("99 000 voyageurs : 58 000 mardi et 41 000 mercredi" beside "environ
    58.000" and "about 41,000"): to that article both are true, each its own fact (the two numbers
    anywhere in the article was measured too loose: it silenced a blind conflict).  Both numbers
    in one sentence of the measure's block are evidence enough: their nouns need not be one class ("voyageurs" /
    "passagers"), which the encoder is not asked about for figures no pair needs.  Not for
    dates: an article's dates are its several events' days."""
    if a.data["q"].is_temporal:
        return False
    for doc_id, members in a.data.get("measure_docs", {}).items():  # a yes/no answer: any order
        if doc_id in sides:
            continue
        for p in members:
            if _same_number(p, a) and any(r.sentence is p.sentence and _same_number(r, b) for r in members):
                return True
    return False


def _same_number(p: Claim, other: Claim) -> bool:
    """The same number of the same kind and unit, exact or approximate (a bound agrees with too much)."""
    q, qo = p.data["q"], other.data["q"]
    return (
        not q.vague
        and not qo.vague
        and q.nominal == qo.nominal
        and q.approx in (None, *_ROUGH)
        and qo.approx in (None, *_ROUGH)
        and (q.qtype, q.unit, q.is_temporal) == (qo.qtype, qo.unit, qo.is_temporal)
    )


def _mark_slot_peers(claims: list[Claim]) -> None:
    """Each slotted claim's ``peers`` (the claims of its article sharing one of its slot keys)
    and ``measure_docs`` (every article's claims of its first key): what ``_stated_by_both`` and
    ``_third_gives_both`` read; generic claims get theirs from their measure block."""
    by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        for key in dict.fromkeys(c.keys):
            by_key[(c.doc_id, key)].append(c)
    docs_of: dict[str, dict[str, list[Claim]]] = defaultdict(dict)
    for (doc_id, key), members in by_key.items():
        docs_of[key][doc_id] = members
    for c in claims:
        seen: dict[int, Claim] = {}
        for key in dict.fromkeys(c.keys):
            seen.update((id(p), p) for p in by_key[(c.doc_id, key)])
        c.data["peers"] = list(seen.values())
        c.data["measure_docs"] = docs_of[c.keys[0]] if c.keys else {}


#: sections that announce what the body states (a headline, a subheading)
HEADLINE_SECTIONS = {"title", "heading"}


def _drop_restated_headlines(claims: list[Claim]) -> list[Claim]:
    """A headline figure the article's body restates is evidence of nothing more: the body
    sentence carries the claim and is the one quoted ("quatre morts" in the title, "Quatre
    voyageurs sont morts" in the text).  A headline figure the body never states stays."""

    def said(c: Claim) -> tuple:
        # by the claiming rule's key: a headline may be the only generic claim of a slotted figure
        return c.doc_id, c.keys[0], c.data["q"].nominal

    def counted(c: Claim) -> tuple | None:
        # a count restated under another noun: "four dead" in the title, "Four workers have died"
        q = c.data["q"]
        return (c.doc_id, q.nominal) if q.qtype == "count" and not q.vague and q.approx is None else None

    kept = [c for c in claims if c.sentence.section not in HEADLINE_SECTIONS]
    body = {said(c) for c in kept}
    body_counts = {counted(c) for c in kept} - {None}
    return [
        c
        for c in claims
        if c.sentence.section not in HEADLINE_SECTIONS or (said(c) not in body and counted(c) not in body_counts)
    ]


def _month_of_year(q: Quantity) -> bool:
    """A month of a stated year ("les inondations de septembre 2002"): it frames a figure
    of its sentence as a year does."""
    return q.qtype == "date" and bool(q.extra.get("month_only")) and q.text.split()[-1].isdigit()


def _mark_siblings(claims: list[Claim], quantities: list[Quantity], text: str, lang: str) -> None:
    """The other figures of the claim's sentence with the same type (their intervals), and
    for a count the bare figures the parser kept no quantity for ("12 000 policiers, dont
    2 000 dans l'agglomération": the 2 000 is a part of the same measure)."""
    bare = bare_figures(text, lang, [(o.start, o.end) for o in quantities])
    for c in claims:
        q = c.data["q"]
        c.data["siblings"] = [
            _sibling_extent(o)
            for o in quantities
            if o is not q and o.qtype == q.qtype and o.unit == q.unit and not o.vague
        ] + ([(v, v) for v in bare] if q.qtype == "count" else [])


#: bounds: a sibling "jusqu'à 620 mm" is the figure 620, not every value under it
_BOUNDS = frozenset({"gt", "ge", "lt", "le", "just_over"})


def _sibling_extent(o: Quantity) -> tuple[float, float]:
    """The values another figure of the sentence stands for, to tell whether the other
    article's figure is that one: a bound is its stated figure, not the open interval."""
    if o.approx in _BOUNDS:
        return (o.nominal, o.nominal)
    return (o.low, o.high)


def _mark_parts(claims: list[Claim]) -> None:
    """Generic counts of one sentence measuring the same thing with different values are
    parts of an enumeration ("420 magasins, Ostral 310"): compared at a lower level."""
    by_key: dict[str, set] = defaultdict(set)
    for c in claims:
        if c.data["rule"].get("generic", False):
            by_key[c.keys[0]].add(c.data["q"].nominal)
    for c in claims:
        if (
            c.data["rule"].get("generic", False)
            and c.keys[0].startswith("numeric-generic:count:")
            and len(by_key[c.keys[0]]) > 1
        ):
            c.data["part"] = True


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
                if (
                    sq.qtype == q.qtype
                    and sq.unit == q.unit
                    and math.isclose(sq.nominal, q.nominal, rel_tol=1e-9)
                    and sq.approx == q.approx
                ):
                    c.data["scope"] = s.data["scope"]
                    c.data["scope_inherited"] = True
                    c.value["scope"] = s.data["scope"]
                    break

"""The ``nli`` rule type: statements (or definitions) in two articles that contradict.

Modes
-----
``statements`` (default)
    Sentences that are claims (sections ``body``/``list``/``faq`` by default; never
    titles, headings, attributions or questions) are paired across documents and
    languages by meaning (``semantic.semantic_pairs``: sentence embeddings from
    ``RunContext.embed``, top-k per sentence, at most ``max_pairs_per_article`` pairs per
    article), or, without a sentence encoder, by ``candidates.candidate_pairs`` (blocking
    + TF-IDF ranking, top-k).  Pairs are scored by the model in both directions and
    reported when contradiction dominates, with the thresholds of the model's profile
    (``profiles/*.yaml``); a pair that entails itself both ways (a paraphrase) never is.
    Pairs whose only difference is numbers or dates are left to the numeric rule type.
``definitions``
    The same term defined in two documents ("X désigne ...", "X, ou Y, représente ...",
    "X is defined as ...", "Ce concept ... désigne ...") is reported when neither
    definition entails the other.  Terms match by their words within a language and by
    the embedding of the term across languages (``terms.py``).

Model: ``FACTCHECK_NLI_MODEL`` > ``settings: {nli: {model: ...}}`` in the config >
the rule's ``model:``.  When no model can be loaded, the NLI rules are skipped with one
warning line and an ``InputError(kind="model")``.  Quantisation (``quantize.py``):
``settings: {nli: {quantize: ...}}`` > the rule's ``quantize:`` > the model profile.
"""

from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from checker.i18n import catalog
from checker.i18n import format as fmt
from checker.i18n.choose import finding_language
from checker.model import CandidateGroup, Claim, Document, Evidence, Finding
from checker.ruletype import RuleType

from . import backend
from .cache import ScoreCache, default_cache_dir
from .candidates import Statement, analyse, candidate_pairs, numbers_only_difference
from .definitions import Definition, definition_sentence, extract_definitions
from .profiles import merge, profile_for
from .quantize import CHOICES as QUANTIZE_CHOICES
from .quantize import cache_tag, check_quantize, int8_measured_here
from .semantic import semantic_pairs
from .terms import with_linked_keys

log = logging.getLogger("factcheck")
DEFAULT_MODEL = "MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7"
DEFAULT_SECTIONS = ("body", "list", "faq")
SECTIONS = ["title", "heading", "body", "list", "quote", "faq", "attribution"]

_THRESHOLDS = {
    "type": "object",
    "description": "Decision thresholds for this mode; each key overrides the model profile's value.",
    "properties": {
        "contradiction": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Statements: mean p(contradiction) over both directions must reach this.",
        },
        "margin": {
            "type": "number",
            "minimum": -1,
            "maximum": 1,
            "description": "Statements: p(contradiction) must beat the larger p(entailment) (either "
            "direction) by this margin.",
        },
        "error_at": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Statements: a `warning` rule's finding becomes an `error` when mean "
            "p(contradiction) reaches this.",
        },
        "max_entailment": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Definitions: reported when p(entailment) stays below this in both directions.",
        },
        "paraphrase": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Statements: a pair whose p(entailment) reaches this in both directions "
            "says the same thing and is never a contradiction (default 0.5).",
        },
        "max_level": {
            "enum": ["suggestion", "warning", "error"],
            "description": "Highest level a finding may have with this model (profiles of models "
            "without held-out signal set `suggestion`).",
        },
    },
    "additionalProperties": False,
}


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def cap_level(level: str, cap: str | None) -> str:
    """A profile may cap the level of a model's findings (``max_level``): a model with no
    measured signal on held-out data should not raise warnings or errors."""
    from checker.model import LEVEL_RANK

    if cap and cap in LEVEL_RANK and LEVEL_RANK[level] > LEVEL_RANK[cap]:
        return cap
    return level


class NliRuleType(RuleType):
    name = "nli"
    order = 200  # after numeric/relations: the most expensive rule type runs last
    placeholders = ("a.value", "a.doc", "a.quote", "b.value", "b.doc", "b.quote", "term")
    schema = {
        "type": "object",
        "properties": {
            "mode": {
                "enum": ["statements", "definitions"],
                "description": "`statements` (default): sentences of two articles that contradict; "
                "`definitions`: one term defined differently in two articles.",
            },
            "model": {
                "type": "string",
                "minLength": 1,
                "description": "Hugging Face sequence-classification NLI model: Hub id or local directory. "
                "`FACTCHECK_NLI_MODEL` and `settings: {nli: {model: ...}}` override it.",
            },
            "labels": {
                "type": "object",
                "additionalProperties": {"enum": ["entailment", "neutral", "contradiction"]},
                "description": "Label mapping (index or raw label name -> meaning) for models whose "
                "`id2label` says `LABEL_0`...; spelled-out labels need none.",
            },
            "sections": {
                "type": "array",
                "items": {"enum": SECTIONS},
                "minItems": 1,
                "description": "Sentence sections considered (default body, list, faq; definitions "
                "also quote). Titles, headings and questions are never statements.",
            },
            "top_k": {
                "type": "integer",
                "minimum": 1,
                "maximum": 50,
                "description": "Each sentence keeps its k most similar partners over all other "
                "documents; each definition k partners with other wordings (default 3).",
            },
            "min_similarity": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "Statements: TF-IDF cosine a partner needs to be kept (default 0.2).",
            },
            "min_embedding_similarity": {
                "type": "number",
                "minimum": -1,
                "maximum": 1,
                "description": "Statements: cosine of sentence embeddings a partner "
                "needs when pairing by meaning (default 0.8).",
            },
            "max_pairs_per_article": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100000,
                "description": "Statements, pairing by meaning: most NLI pairs one article "
                "takes part in, most similar first (default 30).",
            },
            "term_similarity": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "Definitions: cosine of the embedded terms for a term in one "
                "language to match its mutual best in another (default 0.85).",
            },
            "max_df": {
                "type": "number",
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Statements: a blocking key (entity, content lemma) found in more than this "
                "share of the statements does not make candidates (default 0.1).",
            },
            "max_candidates": {
                "type": "integer",
                "minimum": 1,
                "maximum": 100000,
                "description": "Statements: candidates examined per sentence, rarest keys first; "
                "a key in more statements than this never blocks, so the work per "
                "sentence does not grow with the corpus (default 200).",
            },
            "max_pairs_per_sentence": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000,
                "description": "Most pairs one sentence (or definition) takes part "
                "in (default 3 x top_k, never below top_k); best pairs first.",
            },
            "min_words": {
                "type": "integer",
                "minimum": 1,
                "description": "Statements: sentences with fewer content words are skipped (default 3).",
            },
            "batch_size": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1024,
                "description": "Sentence pairs per forward pass (default from the model profile).",
            },
            "max_length": {
                "type": "integer",
                "minimum": 16,
                "maximum": 4096,
                "description": "Tokens per pair before truncation (default from the model profile; "
                "never above the model's own limit).",
            },
            "quantize": {
                "enum": list(QUANTIZE_CHOICES),
                "description": "`int8`: int8 dynamic quantisation of the model's linear layers on the CPU "
                "(faster, scores a little different; part of the score-cache key); `none`: fp32. Default "
                "from the model profile; `plugins: {nli: {quantize: ...}}` in the configuration overrides it.",
            },
            "skip_numbers_only": {
                "type": "boolean",
                "description": "Statements: pairs that differ only in numbers or dates are left "
                "to the numeric rule type (default true).",
            },
            "thresholds": {
                "type": "object",
                "properties": {"statements": _THRESHOLDS, "definitions": _THRESHOLDS},
                "additionalProperties": False,
                "description": "Per-mode decision thresholds overriding the model profile "
                "(`plugins/nli/profiles/*.yaml`).",
            },
        },
    }

    def setup(self, rules, ctx) -> None:
        super().setup(rules, ctx)
        self.cache: ScoreCache | None = None
        self.model_calls = 0
        self.rejected_noticed = False  # one notice per run for score-cache rows of a wrong shape
        self.bad_settings: set[str] = set()  # quantize values reported (once per run each)

    # -- claims: one per statement sentence / definition -----------------------------------
    def extract(self, doc: Document, rules) -> list[Claim]:
        claims: list[Claim] = []
        if not rules:
            return claims
        want_statements = any(r.get("mode", "statements") == "statements" for r in rules)
        want_defs = any(r.get("mode") == "definitions" for r in rules)
        if want_statements:
            sections = set()
            for r in rules:
                if r.get("mode", "statements") == "statements":
                    sections |= set(r.get("sections", DEFAULT_SECTIONS))
            for s in doc.sentences:
                if s.section not in sections or s.text.rstrip().endswith("?"):
                    continue
                claims.append(
                    Claim(
                        kind="statement",
                        doc_id=doc.id,
                        sentence=s,
                        start=s.start,
                        end=s.start + len(s.text.rstrip()),
                        data=analyse(s),
                    )
                )
        if want_defs:
            sections = set()
            for r in rules:
                if r.get("mode") == "definitions":
                    sections |= set(r.get("sections", DEFAULT_SECTIONS + ("quote",)))
            for d in extract_definitions(doc, sections=tuple(sorted(sections))):
                claims.append(
                    Claim(
                        kind="definition",
                        doc_id=doc.id,
                        sentence=d.sentence,
                        start=d.start,
                        end=d.end,
                        keys=tuple(sorted(d.keys)),
                        value={"term": d.term, "definition": d.text},
                        data=d,
                    )
                )
        return claims

    def pair(self, claims: list[Claim], rules) -> Iterable[CandidateGroup]:
        # Pairing is done per mode in compare(); one group carries every claim.
        return [CandidateGroup(key="nli", claims=claims)] if claims else []

    # -- the model ------------------------------------------------------------------------------
    def _model_name(self, rule) -> str:
        env = os.environ.get("FACTCHECK_NLI_MODEL")
        if env:
            return env
        settings = (self.ctx.options.settings or {}).get("nli") if self.ctx else None
        if isinstance(settings, dict) and settings.get("model"):
            return str(settings["model"])
        return rule.get("model", DEFAULT_MODEL)

    def _profile(self, rule, name: str, model_dir=None) -> dict[str, Any]:
        prof = profile_for(name, model_dir)
        over = {k: rule.get(k) for k in ("batch_size", "max_length", "labels") if rule.get(k) is not None}
        prof = merge(prof, over)
        return merge(prof, rule.get("thresholds", {}) or {})

    def _cache(self) -> ScoreCache | None:
        if self.ctx is None or not self.ctx.options.use_cache:
            return None
        if self.cache is None:
            self.cache = ScoreCache(default_cache_dir(self.ctx.options.cache_dir))
        return self.cache

    def _quantize(self, rule, prof: dict[str, Any]) -> str:
        """``quantize`` of the configuration > the rule > the model profile; a bad value is one
        configuration error (once per run) and the next source is used."""
        assert self.ctx is not None
        settings = (self.ctx.options.settings or {}).get("nli")
        sources = []
        if isinstance(settings, dict) and settings.get("quantize") is not None:
            sources.append((settings["quantize"], "configuration key 'plugins.nli.quantize'", None, False))
        if rule.get("quantize") is not None:
            sources.append((rule.get("quantize"), f"rule {rule.id}: key 'quantize'", None, False))
        if prof.get("quantize") is not None:
            sources.append((prof["quantize"], "NLI model profile key 'quantize'", prof.get("_file"), True))
        for value, where, path, from_profile in sources:
            try:
                got = check_quantize(value, where)
            except ValueError as exc:
                if str(exc) not in self.bad_settings:
                    self.bad_settings.add(str(exc))
                    self.ctx.error(path, str(exc), kind="config")
                continue
            if got == "int8" and from_profile and not int8_measured_here():
                # the profile's int8 was measured on CPUs with VNNI only: fp32 elsewhere (recorded)
                self.ctx.stat("nli", "quantize", "none (profile int8 needs a CPU with VNNI)")
                return "none"
            return got
        return "none"

    @staticmethod
    def _score_key(identity: str, prof: dict[str, Any], quantization: str) -> str:
        """Score-cache identity: the weights, truncation, label mapping and quantisation."""
        key = identity + ":" + str(prof.get("max_length", 256)) + ":" + repr(sorted((prof.get("labels") or {}).items()))
        return key if quantization == "none" else key + ":" + cache_tag(quantization)

    def _load(self, rule, name: str, prof: dict[str, Any]) -> backend.NliModel:
        assert self.ctx is not None
        return backend.load_model(
            name,
            device=self.ctx.options.device,
            labels=prof.get("labels") or None,
            max_length=int(prof.get("max_length", 256)),
            quantize=self._quantize(rule, prof),
        )

    def score(self, rule, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, float]] | None:
        """Probabilities for each (premise, hypothesis); None when the model cannot be loaded."""
        assert self.ctx is not None
        name = self._model_name(rule)
        peek = backend.peek_identity(name)
        prof = self._profile(rule, name, peek[0] if peek else None)
        pairs = list(dict.fromkeys(pairs))
        found: dict[tuple[str, str], dict[str, float]] = {}
        cache = self._cache()
        ident = None
        if peek is not None:
            planned = backend.planned_quantization(self._quantize(rule, prof), self.ctx.options.device)
            ident = self._score_key(peek[1], prof, planned)
            if cache is not None:
                rejected = cache.rejected
                found = cache.get_many(ident, pairs, backend.label_set(peek[0], prof.get("labels") or None))
                self._rejected_rows(cache, cache.rejected - rejected)
        todo = [p for p in pairs if p not in found]
        self.ctx.add_stat("nli", "cache_hits", len(pairs) - len(todo))
        if todo:
            try:
                model = self._load(rule, name, prof)
            except backend.ModelUnavailable as exc:
                self._no_model(name, str(exc))
                return None
            if ident != self._score_key(model.identity, prof, model.quantization):
                # not the model the cache was read for (e.g. quantisation failed): score everything
                ident = self._score_key(model.identity, prof, model.quantization)
                found, todo = {}, pairs
            new = self._predict(rule, name, model, prof, todo)
            if new is None:
                return None
            if cache is not None:
                cache.put_many(ident, new)
            found.update(new)
        self.ctx.stat("nli", "model", name)
        self.ctx.stat("nli", "profile", prof.get("name", "default"))
        return found

    def _predict(self, rule, name, model, prof, todo) -> dict[tuple[str, str], dict[str, float]] | None:
        """Scores of ``todo`` by the loaded model, with the run's statistics; None when it fails."""
        assert self.ctx is not None
        if model.device_note and self.ctx.stats.get("nli", {}).get("device_note") != model.device_note:
            self.ctx.stat("nli", "device_note", model.device_note)
            self.ctx.error(None, model.device_note, kind="notice")  # one line, shown by the report
        self.ctx.stat("nli", "device", model.device)
        self.ctx.stat("nli", "quantization", model.quantization)
        calls = model.calls
        t = time.perf_counter()
        try:
            probs = model.predict(todo, batch_size=int(prof.get("batch_size", 16)))
        except Exception as exc:  # noqa: BLE001 - e.g. a tokenizer that does not match the weights
            self._no_model(name, f"the model failed while scoring: {backend._one_line(exc)}", loaded=True)
            return None
        self.ctx.add_stat("nli", "model_seconds", round(time.perf_counter() - t, 3))
        self.ctx.add_stat("nli", "model_calls", model.calls - calls)
        self.ctx.add_stat("nli", "model_pairs", len(todo))
        self.model_calls += model.calls - calls
        return dict(zip(todo, probs))

    def _rejected_rows(self, cache: ScoreCache, n: int) -> None:
        """Rows of a wrong shape were misses: count them; one notice per run names the file."""
        assert self.ctx is not None
        if n <= 0:
            return
        self.ctx.add_stat("nli", "cache_rejected", n)
        if not self.rejected_noticed:
            self.rejected_noticed = True
            self.ctx.error(
                str(cache.path), "NLI score cache: rows of a wrong shape ignored (scored again)", kind="notice"
            )

    def _no_model(self, name: str, why: str, loaded: bool = False) -> None:
        assert self.ctx is not None
        reported = self.ctx.stats.get("nli", {}).get("model_error")
        if reported == name:
            return
        self.ctx.stat("nli", "model_error", name)
        msg = f"NLI rules skipped: {why}" if loaded else f"NLI rules skipped: no model could be loaded ({why})"
        log.debug(msg)  # surfaced once, by the report, as an error of kind "model"
        self.ctx.error(None, msg, kind="model")

    # -- compare -----------------------------------------------------------------------------------
    def compare(self, groups: Iterable[CandidateGroup], rules) -> list[Finding]:
        assert self.ctx is not None
        claims = [c for g in groups for c in g.claims]
        findings: list[Finding] = []
        covered: set[tuple[int, int]] = set()
        for rule in sorted(rules, key=lambda r: (r.get("mode", "statements") != "definitions", r.id)):
            if rule.get("mode") == "definitions":
                findings.extend(self._definitions(rule, [c for c in claims if c.kind == "definition"], covered))
            else:
                findings.extend(self._statements(rule, [c for c in claims if c.kind == "statement"], covered))
        return findings

    def _statements(self, rule, claims: list[Claim], covered: set) -> list[Finding]:
        ctx = self.ctx
        assert ctx is not None
        min_words = int(rule.get("min_words", 3))
        stmts: list[Statement] = []
        for c in claims:
            st: Statement = c.data
            if not rule.applies_to(st.sentence.language) or len(st.content) < min_words:
                continue
            if st.sentence.section not in rule.get("sections", DEFAULT_SECTIONS):
                continue
            stmts.append(st)
        k = int(rule.get("top_k", 3))
        skip = numbers_only_difference if rule.get("skip_numbers_only", True) else None
        info: dict[str, int] = {}
        if len({st.doc_id for st in stmts}) > 1 and not self._model_ready(rule):
            return []  # no model: do not pay for embeddings (the one error line is recorded)
        pairs, total = self._statement_candidates(rule, stmts, k, skip, info)
        skipped_numbers = info.get("skipped", 0)
        todo = [(a, b, sim) for a, b, sim in pairs if (id(a.sentence), id(b.sentence)) not in covered]
        ctx.stat("nli", f"{rule.id}.statements", len(stmts))
        ctx.stat("nli", f"{rule.id}.cross_document_pairs", total)
        ctx.stat("nli", f"{rule.id}.candidates_examined", info.get("candidates_examined", 0))
        ctx.stat("nli", f"{rule.id}.candidate_pairs", len(pairs))
        ctx.stat("nli", f"{rule.id}.capped_pairs", info.get("capped", 0))
        if "capped_article" in info:
            ctx.stat("nli", f"{rule.id}.capped_per_article", info["capped_article"])
        ctx.stat("nli", f"{rule.id}.skipped_numbers_only", skipped_numbers)
        ctx.stat("nli", f"{rule.id}.pairs_scored", len(todo))
        ctx.stat("nli", f"{rule.id}.texts_scored", len({(a.text, b.text) for a, b, _ in todo}))
        if ctx.options.verbose:
            log.info(
                "nli %s: %d sentence pairs scored of %d cross-document pairs (%d statements, top %d each; "
                "%d skipped: numbers only)",
                rule.id,
                len(todo),
                total,
                len(stmts),
                k,
                skipped_numbers,
            )
        if not todo:
            return []
        texts = []
        for a, b, _ in todo:
            texts += [(a.text, b.text), (b.text, a.text)]
        probs = self.score(rule, texts)
        if probs is None:
            return []
        name = self._model_name(rule)
        peek = backend.peek_identity(name)
        th = self._profile(rule, name, peek[0] if peek else None).get("statements", {})
        out = []
        for a, b, sim in todo:
            agg = backend.aggregate(probs[(a.text, b.text)], probs[(b.text, a.text)])
            if is_paraphrase(agg, th) or not decide_statement(agg, th):
                continue
            level = rule.level
            if agg["contradiction"] >= float(th.get("error_at", 2.0)) and rule.level == "warning":
                level = "error"
            level = cap_level(level, th.get("max_level"))
            out.append(
                self._finding(
                    rule,
                    level,
                    a.sentence,
                    b.sentence,
                    a.sentence.start,
                    a.sentence.start + len(a.sentence.text.rstrip()),
                    b.sentence.start,
                    b.sentence.start + len(b.sentence.text.rstrip()),
                    agg,
                    th,
                    sim,
                    len(todo),
                    total,
                    "statements",
                )
            )
        return out

    def _model_ready(self, rule) -> bool:
        """Whether the rule's model is there (locally known, or loadable); records the error if not."""
        assert self.ctx is not None
        name = self._model_name(rule)
        if backend.peek_identity(name) is not None:
            return True
        try:
            self._load(rule, name, self._profile(rule, name))
        except backend.ModelUnavailable as exc:
            self._no_model(name, str(exc))
            return False
        return True

    def _embed(self, texts: list[str], kind: str = "passage") -> list[Any] | None:
        """Vectors from the run's sentence encoder; None when there is none (lexical pairing)."""
        ctx = self.ctx
        if ctx is None or not hasattr(ctx, "embed") or getattr(ctx, "embedder", None) is None:
            return None
        vectors = ctx.embed(texts, kind=kind)
        return vectors if any(v is not None for v in vectors) else None

    def _statement_candidates(self, rule, stmts: list[Statement], k: int, skip, info: dict[str, int]):
        """Candidate pairs by meaning (sentence encoder), or lexical ones when there is no encoder."""
        ctx = self.ctx
        assert ctx is not None
        vectors = self._embed([st.text for st in stmts]) if len({st.doc_id for st in stmts}) > 1 else None
        if vectors is not None:
            ctx.stat("nli", f"{rule.id}.pairing", "embedding:" + str(ctx.embedder.name))
            return semantic_pairs(
                stmts,
                vectors,
                ctx,
                k=k,
                min_similarity=float(rule.get("min_embedding_similarity", 0.8)),
                max_pairs_per_sentence=rule.get("max_pairs_per_sentence"),
                max_pairs_per_article=int(rule.get("max_pairs_per_article", 30)),
                skip=skip,
                info=info,
            )
        ctx.stat("nli", f"{rule.id}.pairing", "lexical")
        return candidate_pairs(
            stmts,
            ctx,
            k=k,
            min_similarity=float(rule.get("min_similarity", 0.2)),
            max_df=float(rule.get("max_df", 0.1)),
            max_candidates=int(rule.get("max_candidates", 200)),
            max_pairs_per_sentence=rule.get("max_pairs_per_sentence"),
            skip=skip,
            info=info,
        )

    def _definitions(self, rule, claims: list[Claim], covered: set) -> list[Finding]:
        ctx = self.ctx
        assert ctx is not None
        defs: list[Definition] = [c.data for c in claims if rule.applies_to(c.sentence.language)]
        if len({d.doc_id for d in defs}) > 1 and len({d.sentence.language for d in defs}) > 1:
            if hasattr(ctx, "embed") and getattr(ctx, "embedder", None) is not None:
                defs, links = with_linked_keys(defs, ctx.embed, min_similarity=float(rule.get("term_similarity", 0.85)))
                ctx.stat("nli", f"{rule.id}.cross_language_terms", links)
        by_key: dict[str, list[Definition]] = defaultdict(list)
        for d in defs:
            for k in d.keys:
                by_key[k].append(d)
        pairs, total = definition_pairs(defs, ctx, k=int(rule.get("top_k", 3)), cap=rule.get("max_pairs_per_sentence"))
        ctx.stat("nli", f"{rule.id}.definitions", len(defs))
        ctx.stat("nli", f"{rule.id}.cross_document_pairs", total)
        ctx.stat("nli", f"{rule.id}.pairs_scored", len(pairs))
        scored = len(pairs)
        if not pairs:
            return []
        texts = {}
        for ij, (a, b, _key) in pairs.items():
            term = a.term  # a: the first of the two in definition_order, whatever the input order
            ta = definition_sentence(term, a.text, a.sentence.language)
            tb = definition_sentence(term, b.text, b.sentence.language)
            texts[ij] = (ta, tb)
        flat = []
        for ta, tb in texts.values():
            flat += [(ta, tb), (tb, ta)]
        probs = self.score(rule, flat)
        if probs is None:
            return []
        name = self._model_name(rule)
        peek = backend.peek_identity(name)
        th = self._profile(rule, name, peek[0] if peek else None).get("definitions", {})
        best: dict[tuple[str, str, str], tuple[float, Finding]] = {}
        for ij in sorted(pairs):
            a, b, key = pairs[ij]
            ta, tb = texts[ij]
            agg = backend.aggregate(probs[(ta, tb)], probs[(tb, ta)])
            covered.add((id(a.sentence), id(b.sentence)))
            covered.add((id(b.sentence), id(a.sentence)))
            if agg["entailment"] >= float(th.get("max_entailment", 0.5)):
                continue
            f = self._finding(
                rule,
                rule.level,
                a.sentence,
                b.sentence,
                a.start,
                a.end,
                b.start,
                b.end,
                agg,
                th,
                None,
                scored,
                total,
                "definitions",
                term=a.term,
                defs=(a.text, b.text),
            )
            group = (key, a.doc_id, b.doc_id)
            if group not in best or agg["entailment"] < best[group][0]:
                best[group] = (agg["entailment"], f)
        seen: set[int] = set()
        out = []
        for _, f in sorted(best.values(), key=lambda t: (t[0], t[1].evidence[0].doc_id, t[1].evidence[0].start)):
            if id(f) not in seen:
                seen.add(id(f))
                out.append(f)
        return out

    def _finding(self, rule, level, sa, sb, a0, a1, b0, b1, agg, th, sim, scored, total, mode, term=None, defs=None):
        docs = self.ctx.documents if self.ctx else {}
        name_a = docs[sa.doc_id].name if sa.doc_id in docs else sa.doc_id
        name_b = docs[sb.doc_id].name if sb.doc_id in docs else sb.doc_id
        qa = _short(docs[sa.doc_id].text[a0:a1] if sa.doc_id in docs else sa.text)
        qb = _short(docs[sb.doc_id].text[b0:b1] if sb.doc_id in docs else sb.text)
        va = {"doc": name_a, "quote": qa, "value": defs[0] if defs else qa}
        vb = {"doc": name_b, "quote": qb, "value": defs[1] if defs else qb}
        lang = finding_language(self.ctx, [sa.doc_id, sb.doc_id], fallback=getattr(sa, "language", None))
        message = rule.format_message(a=va, b=vb, term=term or "")
        if not message:
            if mode == "definitions":
                da, db = _short(defs[0], 80), _short(defs[1], 80)
                message = catalog.t("nli.definitions", lang, term=term, da=da, a=name_a, db=db, b=name_b)
            else:
                message = catalog.t("nli.statements", lang, qa=qa, a=name_a, qb=qb, b=name_b)
        p = lambda x: fmt.decimal(x, lang, 2, fixed=True)  # noqa: E731
        if mode == "definitions":
            reason = catalog.t(
                "nli.definitions.reason",
                lang,
                term=term,
                ab=p(agg["entailment_ab"]),
                ba=p(agg["entailment_ba"]),
                c=p(agg["contradiction"]),
            )
            score = 1.0 - agg["entailment"]
        else:
            reason = catalog.t("nli.statements.reason", lang, p=p(agg["contradiction"]), e=p(agg["entailment"]))
            score = agg["contradiction"]
        expl = {
            "reason": reason,
            "mode": mode,
            "model": self._model_name(rule),
            "probabilities": {k: round(v, 4) for k, v in agg.items()},
            "thresholds": th,
            "pairs_scored": scored,
            "cross_document_pairs": total,
        }
        if sim is not None:
            expl["similarity"] = round(sim, 4)
        if term:
            expl["term"] = term
            expl["definitions"] = list(defs)
        return Finding(
            rule_id=rule.id,
            kind=self.name,
            level=level,
            message=message,
            evidence=[
                Evidence(doc_id=sa.doc_id, start=a0, end=a1, value={"text": va["value"]}),
                Evidence(doc_id=sb.doc_id, start=b0, end=b1, value={"text": vb["value"]}),
            ],
            score=score,
            explanation=expl,
        )

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
            self.cache = None


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .;:")


def definition_order(d: Definition) -> tuple:
    """Where a definition stands, whatever order the documents came in (for inputs given in
    path order, the order they always had)."""
    return (d.doc_id, d.start, d.end, d.text, d.term)


def definition_pairs(
    defs: list[Definition], ctx, *, k: int = 3, cap: int | None = None
) -> tuple[dict[tuple[int, int], tuple[Definition, Definition, str]], int]:
    """Pairs of definitions of one term to score: each definition keeps ``k`` partners from
    other documents, one per *different* definition text (the same words say the same
    thing), chosen at a stable place; a definition takes part in at most ``cap`` pairs
    (default ``3 * k``).  Linear in the number of definitions even when wire copies repeat
    one definition in hundreds of articles.  Draft mode: only the draft's definitions
    choose.  The result does not depend on the order of ``defs``: they are taken in
    :func:`definition_order`, and ``a`` of a pair is the first of the two in that order.
    Returns ({(i, j): (a, b, key)} with i, j positions in that order, number of
    cross-document definition pairs).
    """
    from .candidates import cross_document_total

    cap = max(k, int(cap) if cap else 3 * k)
    total = cross_document_total(defs, ctx)  # type: ignore[arg-type]
    defs = sorted(defs, key=definition_order)  # positions below never depend on the input order
    order = {id(d): i for i, d in enumerate(defs)}
    focus = getattr(ctx, "focus", None)
    by_key: dict[str, dict[str, list[Definition]]] = defaultdict(lambda: defaultdict(list))
    for d in defs:
        for key in sorted(d.keys):
            by_key[key][_norm(d.text)].append(d)

    def stable(*parts) -> int:
        import hashlib

        return int.from_bytes(
            hashlib.blake2b("\0".join(map(str, parts)).encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big"
        )

    proposals: dict[tuple[int, int], tuple[Definition, Definition, str, int]] = {}
    for key in sorted(by_key):
        groups = by_key[key]
        texts = sorted(groups)
        for a in (d for t in texts for d in groups[t]):
            if focus is not None and a.doc_id not in focus:
                continue
            own = _norm(a.text)
            others = sorted((t for t in texts if t != own), key=lambda t: (stable(a.doc_id, a.start, t), t))
            taken = 0
            for t in others:
                if taken >= k:
                    break
                group = groups[t]
                at = stable(a.doc_id, a.start, key) % len(group)
                for step in range(min(len(group), 8)):  # a few tries: same document / not allowed / weak
                    b = group[(at + step) % len(group)]
                    if b.doc_id == a.doc_id or not ctx.allowed(a.doc_id, b.doc_id):
                        continue
                    if a.strength == "weak" and b.strength == "weak":
                        continue
                    ij = tuple(sorted((order[id(a)], order[id(b)])))
                    if ij not in proposals:
                        proposals[ij] = (defs[ij[0]], defs[ij[1]], key, stable(*ij))
                    taken += 1
                    break
    degree: dict[int, int] = defaultdict(int)
    kept: dict[tuple[int, int], tuple[Definition, Definition, str]] = {}
    for ij in sorted(
        proposals,
        key=lambda ij: (defs[ij[0]].strength != "strong" or defs[ij[1]].strength != "strong", proposals[ij][3], ij),
    ):
        if degree[ij[0]] >= cap or degree[ij[1]] >= cap:
            continue
        degree[ij[0]] += 1
        degree[ij[1]] += 1
        kept[ij] = proposals[ij][:3]
    return dict(sorted(kept.items())), total


def is_paraphrase(agg: dict[str, float], th: dict[str, Any]) -> bool:
    """The two sentences entail each other (both directions at least ``paraphrase``): they say
    the same thing, so they are never reported as a contradiction."""
    t = float(th.get("paraphrase", 0.5))
    return min(agg["entailment_ab"], agg["entailment_ba"]) >= t


def decide_statement(agg: dict[str, float], th: dict[str, Any]) -> bool:
    """Contradiction dominates: high enough and ahead of entailment (either direction) by the margin."""
    c = agg["contradiction"]
    return c >= float(th.get("contradiction", 0.7)) and c - agg["entailment"] >= float(th.get("margin", 0.4))

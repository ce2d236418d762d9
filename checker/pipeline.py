"""load -> clean -> segment -> annotate -> extract -> pair -> compare -> findings.

``Checker`` is the one entry point used by the CLI, the tests and the benchmarks.
"""
from __future__ import annotations

import hashlib
import logging
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from checker import analysis_cache
from checker.clean import clean_document
from checker.context import Options, RunContext
from checker.load import load_paths, make_document
from checker.model import LEVELS, Document, Evidence, Finding, InputError
from checker.nlp import NlpProvider
from checker.plugins import PluginHost, default_host
from checker.rules import Rule, RuleSet, load_rules
from checker.ruletype import RuleType
from checker.segment import segment_document

log = logging.getLogger("factcheck")
def _builtin_rules_dir() -> Path:
    """The shipped rule packs: ``rules/`` of a source checkout, else the installed data package."""
    source = Path(__file__).resolve().parent.parent / "rules"
    if source.is_dir():
        return source
    try:
        from importlib.resources import files

        return Path(str(files("factcheck_rules")))
    except (ImportError, TypeError):  # pragma: no cover - broken installation
        return source


BUILTIN_RULES = _builtin_rules_dir()


@dataclass
class Result:
    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


def _same_file_key(doc: Document) -> str:
    return str(Path(doc.path).resolve()) if doc.path else doc.id


def fingerprint(finding: Finding, docs: dict[str, Document]) -> str:
    """Stable identity of a finding that does not depend on line numbers or order of sides."""
    sides = []
    for ev in finding.evidence:
        name = docs[ev.doc_id].name if ev.doc_id in docs else ev.doc_id
        quote = " ".join(unicodedata.normalize("NFC", ev.quote).split())
        sides.append(f"{name}\x1f{quote}")
    raw = "\x1e".join([finding.rule_id] + sorted(sides))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def finding_sort_key(f: Finding):
    first = f.evidence[0] if f.evidence else None
    return (
        -LEVELS.index(f.level) if f.level in LEVELS else 0,
        first.doc_id if first else "",
        first.start if first else 0,
        f.rule_id,
        tuple((e.doc_id, e.start, e.end) for e in f.evidence),
        f.message,
    )


class Checker:
    """Holds plugins and rules; runs checks on paths or in-memory texts."""

    def __init__(
        self,
        *,
        host: PluginHost | None = None,
        rule_paths: Iterable[str | Path] = (),
        builtin_rules: bool = True,
        options: Options | None = None,
        only_types: Iterable[str] | None = None,
        only_rules: Iterable[str] | None = None,
        disabled_rules: Iterable[str] = (),
    ):
        self.host = host or default_host()
        self.host.collect()
        self.options = options or Options()
        self.only_types = set(only_types) if only_types is not None else None
        self.only_rules = set(only_rules) if only_rules is not None else None
        sources: list[Path] = []
        if builtin_rules and BUILTIN_RULES.is_dir():
            sources.append(BUILTIN_RULES)
        sources.extend(self.host.rule_packs)
        sources.extend(Path(p) for p in rule_paths)
        self.rule_sources = sources
        self.ruleset: RuleSet = load_rules(sources, self.host.rule_types, disabled=disabled_rules)
        self.nlp = NlpProvider(self.options.spacy_models)

    # -- public API -----------------------------------------------------------------
    @property
    def errors(self) -> list[InputError]:
        return list(self.host.errors) + list(self.ruleset.errors)

    def check_paths(self, paths: Iterable[str], *, against: Iterable[str] = (), include: Iterable[str] = (),
                    exclude: Iterable[str] = (), stdin_format: str = "txt") -> Result:
        t0 = time.perf_counter()
        loaded = load_paths(paths, include=include, exclude=exclude, role="draft" if against else "article",
                            stdin_format=stdin_format)
        docs = list(loaded.documents)
        errors = list(loaded.errors)
        focus = None
        against = list(against)
        if against:
            corpus = load_paths(against, include=include, exclude=exclude, role="corpus")
            focus = {d.id for d in docs}
            drafts = {_same_file_key(d) for d in docs}
            # a draft that also sits in the corpus folder is not compared with itself
            docs.extend(d for d in corpus.documents if _same_file_key(d) not in drafts)
            errors.extend(corpus.errors)
        result = self.run(docs, focus=focus, input_errors=errors)
        result.timings = {"load": time.perf_counter() - t0 - sum(result.timings.values()), **result.timings}
        return result

    def check_texts(self, texts: dict[str, str] | list[str], *, fmt: str = "txt", focus: Iterable[str] | None = None) -> Result:
        """Check in-memory articles: ``{"a.txt": "...", "b.txt": "..."}`` (ids keep their order)."""
        if isinstance(texts, list):
            texts = {f"doc{i}.txt": t for i, t in enumerate(texts)}
        docs = [make_document(t, name, fmt=fmt) for name, t in texts.items()]
        return self.run(docs, focus=set(focus) if focus is not None else None)

    # -- the pipeline -------------------------------------------------------------------
    def active_rule_types(self) -> list[tuple[str, type[RuleType]]]:
        names = sorted(self.host.rule_types)
        if self.only_types is not None:
            names = [n for n in names if n in self.only_types or getattr(self.host.rule_types[n], "order", 100) < 50]
        return [(n, self.host.rule_types[n]) for n in names]

    def rules_for(self, type_name: str) -> list[Rule]:
        rules = self.ruleset.by_type(type_name)
        if self.only_rules is not None:
            rules = [r for r in rules if r.id in self.only_rules or r.extends == "entities"]
        return rules

    def run(self, docs: list[Document], *, focus: set[str] | None = None, input_errors: Iterable[InputError] = ()) -> Result:
        timings: dict[str, float] = {}
        ctx = RunContext(options=self.options, focus=focus, nlp=self.nlp)
        ctx.errors.extend(self.errors)
        ctx.errors.extend(input_errors)
        # unique ids
        self._assign_languages(docs)
        seen: set[str] = set()
        kept: list[Document] = []
        for d in docs:
            if d.id in seen:
                ctx.error(d.id, "given twice; checked once")
                continue
            seen.add(d.id)
            kept.append(d)
        docs = kept
        ctx.documents = {d.id: d for d in docs}
        if len(docs) == 1:
            ctx.error(docs[0].id, "only one article: nothing to compare it with (give more, or use --against CORPUS)",
                      kind="notice")

        instances = self.start_rule_types(ctx)
        jobs = self.options.jobs
        claims_by_type: dict[str, list] | None = None
        if jobs != 1 and len(docs) > 1:
            try:
                from checker.parallel import prepare_parallel
            except ImportError:  # pragma: no cover
                prepare_parallel = None
            if prepare_parallel is not None:
                claims_by_type = prepare_parallel(self, docs, ctx, instances, jobs, timings)
        if claims_by_type is None:
            claims_by_type = self.prepare(docs, ctx, instances, timings)

        findings: list[Finding] = []
        timings["compare"] = 0.0
        for name, inst, rules in instances:
            t = time.perf_counter()
            claims = claims_by_type.get(name, [])
            ctx.stat(name, "claims", len(claims))
            groups = self._guard(ctx, name, "pair", lambda: list(inst.pair(claims, rules))) or []
            ctx.stat(name, "candidate_groups", len(groups))
            got = self._guard(ctx, name, "compare", lambda: list(inst.compare(groups, rules) or [])) or []
            findings.extend(self._valid_findings(ctx, name, got))
            elapsed = time.perf_counter() - t
            timings["compare"] += elapsed
            ctx.add_stat(name, "seconds", elapsed)
            self._guard(ctx, name, "close", inst.close)
        self._report_slow_rule_types(ctx, [name for name, _, _ in instances])
        t = time.perf_counter()
        findings = self._finalize(findings, ctx)
        timings["findings"] = time.perf_counter() - t
        return Result(documents=docs, findings=findings, errors=ctx.errors, stats=ctx.stats, timings=timings)

    def start_rule_types(self, ctx: RunContext) -> list[tuple[str, RuleType, list[Rule]]]:
        """Instantiate and set up every active rule type (annotators first)."""
        instances: list[tuple[str, RuleType, list[Rule]]] = []
        for name, cls in self.active_rule_types():
            rules = self.rules_for(name)
            owner = self.host.rule_type_owner.get(name, "?")
            try:
                inst = cls()
                inst.setup(rules, ctx)
            except Exception as exc:  # noqa: BLE001 - isolate plugin failures
                ctx.error(None, f"plugin '{owner}': rule type '{name}' failed to start: {type(exc).__name__}: {exc}",
                          kind="plugin")
                continue
            instances.append((name, inst, rules))
        instances.sort(key=lambda item: (getattr(item[1], "order", 100), item[0]))
        return instances

    def prepare(self, docs: list[Document], ctx: RunContext, instances, timings: dict[str, float] | None = None
                ) -> dict[str, list]:
        """Per-document work: clean, segment, annotate, extract.  Returns claims by rule type.

        Everything here is independent between documents, which is what ``--jobs``
        parallelises (``checker.parallel``).
        """
        timings = timings if timings is not None else {}
        for key in ("clean", "segment", "annotate", "extract"):
            timings.setdefault(key, 0.0)
        claims_by_type: dict[str, list] = {name: [] for name, _, _ in instances}
        with ctx.progress("Reading articles", total=len(docs)) as bar:
            for d in docs:
                self._prepare_one(d, ctx, instances, timings, claims_by_type)
                bar.advance()
        return claims_by_type

    def _prepare_one(self, d: Document, ctx: RunContext, instances, timings: dict[str, float],
                     claims_by_type: dict[str, list]) -> None:
        """Clean, segment, annotate and extract one document (or reuse the analysis cache)."""
        # A document prepared before with the same code, rules and options: reuse it
        # (see checker/analysis_cache.py); nothing below, not even spaCy, is needed.
        cached = analysis_cache.load_prepared(self, d, ctx, instances)
        if cached is not None:
            for name, got in cached.items():
                claims_by_type.setdefault(name, []).extend(got)
            return
        mark = analysis_cache.mark(ctx)
        doc_claims: dict[str, list] = {name: [] for name, _, _ in instances}
        t = time.perf_counter()
        view, sections = clean_document(d, ctx)
        t2 = time.perf_counter()
        timings["clean"] += t2 - t
        segment_document(d, self.nlp.get(d.language), clean_view=view, sections=sections)
        if not d.sentences:
            ctx.error(d.id, "no sentences left after cleaning: nothing to check")
        t3 = time.perf_counter()
        timings["segment"] += t3 - t2
        for name, inst, rules in instances:
            if type(inst).annotate is not RuleType.annotate:
                t0 = time.perf_counter()
                self._guard(ctx, name, "annotate", lambda: inst.annotate(d, rules))
                ctx.add_stat(name, "seconds", time.perf_counter() - t0)
        t4 = time.perf_counter()
        timings["annotate"] += t4 - t3
        for name, inst, rules in instances:
            t0 = time.perf_counter()
            got = self._guard(ctx, name, "extract", lambda: inst.extract(d, rules)) or []
            ctx.add_stat(name, "seconds", time.perf_counter() - t0)
            doc_claims[name].extend(got)
        timings["extract"] += time.perf_counter() - t4
        for name, got in doc_claims.items():
            claims_by_type[name].extend(got)
        analysis_cache.store_prepared(self, d, ctx, instances, doc_claims, mark)

    # -- helpers --------------------------------------------------------------------------
    SHORT_DOCUMENT_WORDS = 30

    def _assign_languages(self, docs: list[Document]) -> None:
        """Language per document; short or uncertain ones lean on the corpus majority.

        Identification of a one-line text is unreliable (names such as "Microsoft" or
        "OpenAI" pull it towards English), so a short document whose detection is not
        confident takes the language of the confident documents of the same run, or the
        configured default language (``language:``) when there is one.
        """
        from collections import Counter

        from checker.langid import detect

        languages = tuple(self.options.languages)
        found: dict[str, tuple[str, float, int]] = {}
        for d in docs:
            if d.language not in ("", "und"):
                continue
            sample = " ".join(d.view.split())[:6000]
            words = len(sample.split())
            lang, conf = detect(sample, languages) if words else ("und", 0.0)
            found[d.id] = (lang, conf, words)
        votes = Counter(lang for lang, conf, words in found.values() if words >= self.SHORT_DOCUMENT_WORDS and conf >= 0.5)
        votes.update(d.language for d in docs if d.language not in ("", "und") and d.id not in found)
        fallback = votes.most_common(1)[0][0] if votes else (self.options.default_language or None)
        for d in docs:
            if d.id not in found:
                continue
            lang, conf, words = found[d.id]
            if fallback and lang != fallback and (words < self.SHORT_DOCUMENT_WORDS and conf < 0.9):
                lang = fallback
            d.language = lang

    def _guard(self, ctx: RunContext, name: str, step: str, fn):
        try:
            return fn()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - one failing rule type must not stop the run
            owner = self.host.rule_type_owner.get(name, "?")
            log.debug("rule type %s failed in %s", name, step, exc_info=True)
            ctx.error(None, f"plugin '{owner}': rule type '{name}' raised in {step}: {type(exc).__name__}: {exc}",
                      kind="plugin")
            return None

    def _report_slow_rule_types(self, ctx: RunContext, names: list[str]) -> None:
        """Name rule types that used more than ``settings.time_budget`` seconds (default 120)."""
        budget = float(self.options.settings.get("time_budget", 120))
        for name in names:
            spent = ctx.stats.get(name, {}).get("seconds", 0.0)
            ctx.stats[name]["seconds"] = round(spent, 3)
            if spent > budget:
                owner = self.host.rule_type_owner.get(name, "?")
                ctx.error(None, f"plugin '{owner}': rule type '{name}' took {spent:.1f} s "
                                f"(time budget {budget:g} s)", kind="notice")

    def _valid_findings(self, ctx: RunContext, name: str, items) -> list[Finding]:
        owner = self.host.rule_type_owner.get(name, "?")
        good = []
        for f in items:
            problem = None
            if not isinstance(f, Finding):
                problem = f"returned {type(f).__name__} instead of a Finding"
            elif f.level not in LEVELS:
                problem = f"finding with unknown level {f.level!r}"
            elif not isinstance(f.evidence, (list, tuple)) or not all(isinstance(e, Evidence) for e in f.evidence):
                problem = "finding whose evidence is not a list of Evidence"
            elif not all(isinstance(e.start, int) and isinstance(e.end, int) for e in f.evidence):
                problem = "finding with non-integer evidence offsets"
            elif not isinstance(f.score, (int, float)) or f.score != f.score:
                problem = f"finding with invalid score {f.score!r}"
            elif not isinstance(f.explanation, dict):
                problem = "finding whose explanation is not a mapping"
            elif len({e.doc_id for e in f.evidence}) < 2:
                problem = "finding without evidence from two documents"
            else:
                for e in f.evidence:
                    doc = ctx.documents.get(e.doc_id)
                    if doc is None or not (0 <= e.start < e.end <= len(doc.text)):
                        problem = f"finding with evidence outside its document ({e.doc_id}:{e.start}-{e.end})"
                        break
                if problem is None and ctx.focus is not None and not any(e.doc_id in ctx.focus for e in f.evidence):
                    continue  # draft mode: not about the draft
            if problem:
                ctx.error(None, f"plugin '{owner}': rule type '{name}' {problem}; dropped", kind="plugin")
                continue
            if not f.kind:
                f.kind = name
            good.append(f)
        return good

    def _finalize(self, findings: list[Finding], ctx: RunContext) -> list[Finding]:
        docs = ctx.documents
        out: dict[str, Finding] = {}
        for f in findings:
            for ev in f.evidence:
                doc = docs[ev.doc_id]
                ev.quote = doc.text[ev.start:ev.end]
                ev.line, ev.column = doc.line_col(ev.start)
                ev.end_line, ev.end_column = doc.line_col(ev.end)
            f.score = max(0.0, min(1.0, float(f.score)))
            f.fingerprint = fingerprint(f, docs)
            prev = out.get(f.fingerprint)
            if prev is None or (LEVELS.index(f.level), f.score) > (LEVELS.index(prev.level), prev.score):
                out[f.fingerprint] = f
        return sorted(out.values(), key=finding_sort_key)

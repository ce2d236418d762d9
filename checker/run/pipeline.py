"""load -> clean -> segment -> annotate -> extract -> pair -> compare -> findings.

``Checker`` is the one entry point used by the CLI, the tests and the benchmarks.  It
chooses a *preparer* for the per-document stages (serial, or a process pool with ``-j``;
a Dask preparer can be given), then pairs and compares claims in this process and
finalises the findings (``checker.findings.finalize``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.context import Options, RunContext
from checker.findings.finalize import finalize, finding_sort_key, fingerprint, valid_findings
from checker.model import Document, Finding, InputError
from checker.plugins import PluginHost, default_host
from checker.rules import Rule, RuleSet, load_rules
from checker.ruletype import RuleType
from checker.run.budget import DEFAULT_TIME_BUDGET, TimeBudget
from checker.run.cache import AnalysisCache
from checker.run.pool import PoolPreparer, resolve_jobs
from checker.run.prepare import DocumentWork, Preparer, SerialPreparer, WorkerSpec
from checker.run.ruletypes import (
    Active,
    Selection,
    active_rule_types,
    guarded,
    required_providers,
    rules_for,
    start_rule_types,
)
from checker.text.langid import assign_languages
from checker.text.load import load_paths, make_document
from checker.text.nlp import NlpProvider

__all__ = ["BUILTIN_RULES", "Checker", "Result", "finding_sort_key", "fingerprint"]


def _builtin_rules_dir() -> Path:
    """The shipped rule packs: ``rules/`` of a source checkout, else the installed data package."""
    source = Path(__file__).resolve().parents[2] / "rules"
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
    interrupted: bool = False  # Ctrl-C: the findings are those finished before it


def _same_file_key(doc: Document) -> str:
    return str(Path(doc.path).resolve()) if doc.path else doc.id


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
        preparer: Preparer | None = None,
    ):
        host = host or default_host()
        host.collect()
        sources: list[Path] = []
        if builtin_rules and BUILTIN_RULES.is_dir():
            sources.append(BUILTIN_RULES)
        sources.extend(host.rule_packs)
        sources.extend(Path(p) for p in rule_paths)
        ruleset = load_rules(sources, host.rule_types, disabled=disabled_rules)
        self._init(host, options or Options(), ruleset, Selection.of(only_types, only_rules), preparer)
        self.rule_sources = sources

    @classmethod
    def from_parts(
        cls,
        *,
        host: PluginHost,
        options: Options,
        ruleset: RuleSet,
        selection: Selection = Selection(),
        preparer: Preparer | None = None,
    ) -> Checker:
        """A checker over an already loaded and validated rule set (workers, rule tests, Dask)."""
        self = cls.__new__(cls)
        host.collect()
        self._init(host, options, ruleset, selection, preparer)
        self.rule_sources = []
        return self

    def _init(
        self, host: PluginHost, options: Options, ruleset: RuleSet, selection: Selection, preparer: Preparer | None
    ) -> None:
        self.host = host
        self.options = options
        self.ruleset = ruleset
        self.selection = selection
        self.preparer = preparer
        self.nlp = NlpProvider(options.spacy_models)
        self._caches: dict[tuple[str, ...], AnalysisCache] = {}
        #: keep corpus preparations in memory across runs (``factcheck serve``; see AnalysisCache)
        self.keep_corpus_in_memory = False

    @property
    def only_types(self) -> set[str] | None:
        return set(self.selection.only_types) if self.selection.only_types is not None else None

    @property
    def only_rules(self) -> set[str] | None:
        return set(self.selection.only_rules) if self.selection.only_rules is not None else None

    # -- public API -----------------------------------------------------------------
    @property
    def errors(self) -> list[InputError]:
        return list(self.host.errors) + list(self.ruleset.errors)

    def check_paths(
        self,
        paths: Iterable[str],
        *,
        against: Iterable[str] = (),
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        stdin_format: str = "txt",
    ) -> Result:
        t0 = time.perf_counter()
        loaded = load_paths(
            paths,
            include=include,
            exclude=exclude,
            role="draft" if against else "article",
            stdin_format=stdin_format,
            max_bytes=self.options.max_file_bytes,
        )
        docs = list(loaded.documents)
        errors = list(loaded.errors)
        focus = None
        against = list(against)
        if against:
            corpus = load_paths(
                against, include=include, exclude=exclude, role="corpus", max_bytes=self.options.max_file_bytes
            )
            focus = {d.id for d in docs}
            drafts = {_same_file_key(d) for d in docs}
            # a draft that also sits in the corpus folder is not compared with itself
            docs.extend(d for d in corpus.documents if _same_file_key(d) not in drafts)
            errors.extend(corpus.errors)
        result = self.run(docs, focus=focus, input_errors=errors)
        result.timings = {"load": time.perf_counter() - t0 - sum(result.timings.values()), **result.timings}
        return result

    def check_texts(
        self, texts: Mapping[str, str] | list[str], *, fmt: str = "txt", focus: Iterable[str] | None = None
    ) -> Result:
        """Check in-memory articles: ``{"a.txt": "...", "b.txt": "..."}`` (ids keep their order)."""
        if isinstance(texts, list):
            texts = {f"doc{i}.txt": t for i, t in enumerate(texts)}
        docs = [make_document(t, name, fmt=fmt) for name, t in texts.items()]
        return self.run(docs, focus=set(focus) if focus is not None else None)

    # -- the pipeline -------------------------------------------------------------------
    def active_rule_types(self) -> list[tuple[str, type[RuleType]]]:
        return active_rule_types(self.host, self.selection)

    def rules_for(self, type_name: str) -> list[Rule]:
        return rules_for(self.ruleset, type_name, self.selection, required_providers(dict(self.active_rule_types())))

    def start_rule_types(self, ctx: RunContext) -> list[Active]:
        """Instantiate and set up every active rule type, providers first."""
        return start_rule_types(self.host, self.ruleset, self.selection, ctx)

    def worker_spec(self, ctx: RunContext, instances: list[Active]) -> WorkerSpec:
        return WorkerSpec(
            options=self.options,
            ruleset=self.ruleset,
            selection=self.selection,
            type_names=[name for name, _, _ in instances],
            focus=ctx.focus,
        )

    def document_work(self, ctx: RunContext, instances: list[Active]) -> DocumentWork:
        names = tuple(name for name, _, _ in instances)
        cache = self._caches.get(names)
        if cache is None:
            models = dict(getattr(self.nlp, "models", {}) or {})
            cache = self._caches[names] = AnalysisCache.for_run(
                self.options, instances, models, memory=self.keep_corpus_in_memory
            )
        return DocumentWork(self.nlp, ctx, instances, dict(self.host.rule_type_owner), cache)

    def choose_preparer(self, n_docs: int) -> Preparer:
        if self.preparer is not None:
            return self.preparer
        if self.options.jobs != 1 and resolve_jobs(self.options.jobs, n_docs) > 1:
            return PoolPreparer(self.options.jobs)
        return SerialPreparer()

    def prepare(
        self, docs: list[Document], ctx: RunContext, instances: list[Active], timings: dict[str, float] | None = None
    ) -> dict[str, list]:
        """Per-document work (clean, segment, annotate, extract) by the chosen preparer."""
        timings = timings if timings is not None else {}
        work = self.document_work(ctx, instances)
        return self.choose_preparer(len(docs)).prepare(docs, work, self.worker_spec(ctx, instances), timings)

    def run(
        self, docs: list[Document], *, focus: set[str] | None = None, input_errors: Iterable[InputError] = ()
    ) -> Result:
        timings: dict[str, float] = {}
        ctx = RunContext(options=self.options, focus=focus, nlp=self.nlp)
        ctx.budget = TimeBudget(float(self.options.settings.get("time_budget", DEFAULT_TIME_BUDGET)))
        ctx.errors.extend(self.errors)
        ctx.errors.extend(input_errors)
        assign_languages(docs, tuple(self.options.languages), self.options.default_language)
        docs = self._unique(docs, ctx)
        ctx.documents = {d.id: d for d in docs}
        if len(docs) == 1:
            ctx.error(
                docs[0].id,
                "only one article: nothing to compare it with (give more, or use --against CORPUS)",
                kind="notice",
            )
        instances = self.start_rule_types(ctx)
        for key in ("clean", "segment", "annotate", "extract"):
            timings.setdefault(key, 0.0)
        findings: list[Finding] = []
        interrupted = False
        try:
            claims_by_type = self.prepare(docs, ctx, instances, timings)
            t = time.perf_counter()
            self._compare(ctx, instances, claims_by_type, findings)
            timings["compare"] = time.perf_counter() - t
        except KeyboardInterrupt:  # Ctrl-C: report what was finished
            interrupted = True
            ctx.error(None, f"interrupted: {len(findings)} findings were finished and are reported", kind="notice")
        self._report_slow_rule_types(ctx, [name for name, _, _ in instances])
        t = time.perf_counter()
        findings = finalize(findings, ctx.documents)
        timings["findings"] = time.perf_counter() - t
        return Result(
            documents=docs,
            findings=findings,
            errors=ctx.errors,
            stats=ctx.stats,
            timings=timings,
            interrupted=interrupted,
        )

    @staticmethod
    def _unique(docs: list[Document], ctx: RunContext) -> list[Document]:
        seen: set[str] = set()
        kept: list[Document] = []
        for d in docs:
            if d.id in seen:
                ctx.error(d.id, "given twice; checked once")
                continue
            seen.add(d.id)
            kept.append(d)
        return kept

    def _compare(
        self, ctx: RunContext, instances: list[Active], claims_by_type: dict[str, list], findings: list[Finding]
    ) -> None:
        """Pair and compare each rule type's claims, appending to ``findings`` as each finishes."""
        for name, inst, rules in instances:
            owner = self.host.rule_type_owner.get(name, "?")
            t = time.perf_counter()
            if type(inst).defines("compare"):
                claims = claims_by_type.get(name, [])
                ctx.stat(name, "claims", len(claims))
                groups = guarded(ctx, owner, name, "pair", lambda: list(inst.pair(claims, rules))) or []  # noqa: B023 - guarded() calls it at once
                ctx.stat(name, "candidate_groups", len(groups))
                got = guarded(ctx, owner, name, "compare", lambda: list(inst.compare(groups, rules) or [])) or []  # noqa: B023 - called at once
                findings.extend(valid_findings(ctx, name, owner, got))
            ctx.add_stat(name, "seconds", time.perf_counter() - t)
            guarded(ctx, owner, name, "close", inst.close)

    def _report_slow_rule_types(self, ctx: RunContext, names: list[str]) -> None:
        """Name rule types that used more than ``settings.time_budget`` seconds (default 600)."""
        budget = float(self.options.settings.get("time_budget", DEFAULT_TIME_BUDGET))
        for name in names:
            spent = ctx.stats.get(name, {}).get("seconds", 0.0)
            ctx.stats.setdefault(name, {})["seconds"] = round(spent, 3)
            if spent > budget and name not in getattr(ctx.budget, "reported", ()):
                owner = self.host.rule_type_owner.get(name, "?")
                ctx.error(
                    None,
                    f"plugin '{owner}': rule type '{name}' took {spent:.1f} s (time budget {budget:g} s)",
                    kind="notice",
                )

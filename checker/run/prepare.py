"""Per-document work (clean, segment, annotate, extract) and the serial preparer.

:class:`DocumentWork` prepares one document with set-up rule types and returns a
:class:`~checker.run.prepared.PreparedDoc`, reusing the analysis cache when it can.  A
*preparer* turns a list of documents into claims by rule type: :class:`SerialPreparer`
here, ``checker.run.pool.PoolPreparer`` (``-j``) and ``checker.run.distributed.DaskPreparer``
elsewhere; all three apply what they prepared through ``merge_prepared``, so a run's
output does not depend on which one ran.

A worker process builds its own ``DocumentWork`` from a picklable :class:`WorkerSpec`
(:func:`build_work`): plugins from entry points, the parent's validated rules, the same
rule types in the same order, and ``ctx.prepare_only = True``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from checker.context import Options, RunContext
from checker.model import Document
from checker.run.prepared import STAGES, ContextMark, PreparedDoc, merge_prepared
from checker.run.ruletypes import Active, Selection, guarded, start_rule_types
from checker.text.clean import clean_document
from checker.text.segment import segment_document

if TYPE_CHECKING:  # pragma: no cover
    from checker.run.cache import AnalysisCache


class DocumentWork:
    """Everything needed to prepare documents: spaCy, the run context, the rule types."""

    def __init__(
        self,
        nlp: Any,
        ctx: RunContext,
        instances: list[Active],
        owners: dict[str, str],
        cache: AnalysisCache | None = None,
    ) -> None:
        self.nlp = nlp
        self.ctx = ctx
        self.instances = instances
        self.owners = owners
        self.cache = cache

    def prepare(self, doc: Document, index: int = 0, progress: Any = None) -> PreparedDoc:
        """The preparation of ``doc`` (cached or done now); ``ctx`` is left as it was.

        ``progress``: a progress handle (``checker.progress``) told each stage and how many
        sentences are parsed, so a long article shows where it is."""
        key = self.cache.key(doc) if self.cache is not None else None  # before preparation changes doc
        if self.cache is not None:
            cached = self.cache.get(doc, self.ctx, key=key)
            if cached is not None:
                cached.index = index
                return cached
        mark = ContextMark(self.ctx)
        claims, timings = self._run_stages(doc, progress)
        errors, stats = mark.take()
        prepared = PreparedDoc.of(doc, claims, errors, stats, timings, index)
        if self.cache is not None:
            self.cache.put(doc, prepared, self.ctx, key=key)
        return prepared

    def _run_stages(self, doc: Document, progress: Any = None) -> tuple[dict[str, list], dict[str, float]]:
        ctx = self.ctx
        tell = getattr(progress, "note", None)

        def stage(text: str) -> None:
            if tell is not None:
                tell(f"{doc.name}: {text}")

        timings = {k: 0.0 for k in STAGES}
        t = time.perf_counter()
        stage("cleaning")
        view, sections = clean_document(doc, ctx)
        timings["clean"] = time.perf_counter() - t
        t = time.perf_counter()
        notes: list[str] = []
        stage("sentences")
        segment_document(
            doc,
            self.nlp.get(doc.language),
            clean_view=view,
            sections=sections,
            notes=notes,
            progress=lambda done, total: stage(f"parsing sentences {done:,}/{total:,}"),
        )
        for note in notes:
            ctx.error(doc.id, note, kind="notice")
        if not doc.sentences:
            ctx.error(doc.id, "no sentences left after cleaning: nothing to check")
        timings["segment"] = time.perf_counter() - t
        claims: dict[str, list] = {name: [] for name, _, _ in self.instances}
        for step in ("annotate", "extract"):
            t = time.perf_counter()
            for name, inst, rules in self.instances:
                if not type(inst).defines(step):
                    continue
                stage(f"{name} {step}")
                t0 = time.perf_counter()
                got = self.step(name, step, lambda: getattr(inst, step)(doc, rules))  # noqa: B023 - step() calls it at once
                ctx.add_stat(name, "seconds", time.perf_counter() - t0)
                if step == "extract":
                    claims[name].extend(got or [])
            timings[step] = time.perf_counter() - t
        return claims, timings

    def step(self, name: str, step: str, fn) -> Any:
        return guarded(self.ctx, self.owners.get(name, "?"), name, step, fn)


class Preparer(Protocol):
    """Turns documents into claims by rule type, applying each preparation to the run."""

    def prepare(
        self, docs: list[Document], work: DocumentWork, spec: WorkerSpec, timings: dict[str, float]
    ) -> dict[str, list]: ...


class SerialPreparer:
    """One document after the other, in this process."""

    def prepare(
        self, docs: list[Document], work: DocumentWork, spec: WorkerSpec | None, timings: dict[str, float]
    ) -> dict[str, list]:
        claims_by_type: dict[str, list] = {name: [] for name, _, _ in work.instances}
        prepared = []
        with work.ctx.progress("Reading articles", total=len(docs)) as bar:
            for i, d in enumerate(docs):
                prepared.append(work.prepare(d, i, bar))
                bar.advance()
        for k, v in merge_prepared(docs, prepared, work.ctx, claims_by_type).items():
            timings[k] = timings.get(k, 0.0) + v
        return claims_by_type


@dataclass
class WorkerSpec:
    """Everything a worker process (pool with spawn, or Dask) needs to prepare documents."""

    options: Options
    ruleset: Any  # checker.rules.RuleSet, already validated by the parent
    selection: Selection
    type_names: list[str]  # active rule types, in the parent's execution order
    focus: set[str] | None


def build_work(spec: WorkerSpec) -> DocumentWork:
    """A ``DocumentWork`` built from a spec in a fresh process."""
    from checker.plugins import default_host
    from checker.text.nlp import NlpProvider

    host = default_host()
    missing = [n for n in spec.type_names if n not in host.rule_types]
    if missing:
        raise RuntimeError(
            f"rule type(s) {', '.join(missing)} not available in a worker process "
            "(registered in-process, not through an entry point?)"
        )
    nlp = NlpProvider(spec.options.spacy_models)
    ctx = RunContext(options=spec.options, focus=spec.focus, nlp=nlp, prepare_only=True)
    instances = start_rule_types(host, spec.ruleset, spec.selection, ctx, names=spec.type_names)
    ctx.errors.clear()  # setup problems were already reported by the parent
    ctx.stats.clear()
    return DocumentWork(nlp, ctx, instances, dict(host.rule_type_owner))

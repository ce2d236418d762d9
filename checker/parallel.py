"""Per-document preparation (clean, segment, annotate, extract) in worker processes.

``Checker.run`` calls :func:`prepare_parallel` when ``options.jobs != 1``.  The work
of each document is independent of the others, so documents are cut into chunks and
prepared by a ``ProcessPoolExecutor``; the parent then re-links what the workers send
back (sentences without their spaCy ``tokens``, removed regions, language, meta and
the claims of every rule type) onto its own ``Document`` objects, in document order,
so that pairing and comparison run unchanged and the output is identical to a serial
run (same findings, same order, same errors).

How a worker gets its ``Checker``:

* ``fork`` start method (Linux default): the worker inherits the parent's ``Checker``
  and its rule-type instances, already set up, and the spaCy pipelines the parent has
  loaded (the parent prepares the first document itself before starting the pool, so
  the pipeline for the corpus language is warm and shared copy-on-write).  Nothing is
  set up twice and no model is loaded in a worker.
* ``spawn``/``forkserver`` (macOS, Windows, or ``FACTCHECK_MP_START=spawn``): each
  worker builds its own ``Checker`` once in the pool initializer from a picklable
  :class:`WorkerSpec` (options, the parent's validated rule set, the active rule types).
  The worker's ``RunContext`` has ``prepare_only = True``: a rule type that loads a model
  in ``setup()`` should skip it when that attribute is true (only ``compare`` needs
  models; the built-in NLI rule type loads its model lazily in ``compare`` anyway).

Rule types that keep per-run state filled during ``annotate``/``extract`` (beyond what
they put on sentences and claims) can implement two optional methods:
``prepared_state() -> picklable`` (called in the worker after its chunk) and
``merge_prepared_state(states: list)`` (called in the parent, chunk order).

Anything that goes wrong (a result that cannot be pickled, a worker that dies, a
missing rule type in a spawned worker) is reported as a notice and the remaining
documents are prepared serially: never a crash.
"""
from __future__ import annotations

import logging
import os
import pickle
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from checker import analysis_cache
from checker.context import Options, RunContext
from checker.model import Document, InputError

if TYPE_CHECKING:  # pragma: no cover
    from checker.pipeline import Checker
    from checker.rules import RuleSet

log = logging.getLogger("factcheck")

#: With ``-j 0`` (auto), corpora smaller than this are prepared serially: starting
#: workers costs more than it saves on a handful of articles.
AUTO_MIN_DOCS = 8
#: With ``-j 0``, at most one worker per this many documents.
AUTO_DOCS_PER_WORKER = 4
#: Chunks per worker (small chunks balance uneven article lengths).
CHUNKS_PER_WORKER = 4
STAGES = ("clean", "segment", "annotate", "extract")

# Document fields a worker sends back (``text``/``view`` are the parent's already).
_DOC_FIELDS = tuple(f.name for f in fields(Document) if f.name not in ("id", "text", "view", "_line_starts"))


def available_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS / Windows
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None, n_docs: int) -> int:
    """Number of worker processes for ``n_docs`` documents (1 = serial).

    ``jobs <= 0`` (or None) means "auto": all cores, but serial below
    ``AUTO_MIN_DOCS`` documents and at most one worker per ``AUTO_DOCS_PER_WORKER``.
    An explicit ``jobs`` is honoured up to the number of documents.
    """
    if n_docs <= 1:
        return 1
    if jobs is None or jobs <= 0:
        if n_docs < AUTO_MIN_DOCS:
            return 1
        return max(1, min(available_cpus(), n_docs // AUTO_DOCS_PER_WORKER))
    return max(1, min(jobs, n_docs))


def start_method() -> str:
    wanted = os.environ.get("FACTCHECK_MP_START", "").strip().lower()
    if wanted in ("fork", "spawn", "forkserver"):
        return wanted
    # fork is unsafe with macOS system frameworks; Windows has no fork.
    if sys.platform.startswith("linux"):
        return "fork"
    return "spawn"


# ---------------------------------------------------------------------------------------
# What travels between processes
# ---------------------------------------------------------------------------------------
@dataclass
class WorkerSpec:
    """Everything a spawned worker (or a Dask worker) needs to build its own Checker."""

    options: Options
    ruleset: Any  # checker.rules.RuleSet, already validated by the parent
    only_types: set[str] | None
    only_rules: set[str] | None
    type_names: list[str]  # active rule types, in the parent's execution order
    focus: set[str] | None

    @classmethod
    def from_checker(cls, checker: "Checker", ctx: RunContext, instances) -> "WorkerSpec":
        return cls(options=checker.options, ruleset=checker.ruleset, only_types=checker.only_types,
                   only_rules=checker.only_rules, type_names=[name for name, _, _ in instances], focus=ctx.focus)


@dataclass
class PreparedDoc:
    """One prepared document as a worker returns it."""

    index: int
    fields: dict[str, Any]  # Document fields (sentences have tokens=None)
    claims: dict[str, list]  # rule type -> claims (their .sentence are in fields["sentences"])
    errors: list[InputError]
    timings: dict[str, float]
    stats: dict[str, dict[str, Any]]  # what the document added to ctx.stats


@dataclass
class ChunkResult:
    docs: list[PreparedDoc]
    states: dict[str, Any]  # rule type -> prepared_state()
    pid: int


class WorkerState:
    """A worker's Checker, context and set-up rule types."""

    def __init__(self, checker: "Checker", ctx: RunContext, instances: list):
        self.checker = checker
        self.ctx = ctx
        self.instances = instances


_WORKER: WorkerState | None = None  # set in the parent before fork, or by the initializer


def build_worker(spec: WorkerSpec) -> WorkerState:
    """Build a Checker from a spec in a fresh process (spawn / Dask)."""
    from checker.nlp import NlpProvider
    from checker.pipeline import Checker
    from checker.plugins import default_host

    host = default_host()
    host.collect()
    checker = Checker.__new__(Checker)
    checker.host = host
    checker.options = spec.options
    checker.only_types = spec.only_types
    checker.only_rules = spec.only_rules
    checker.rule_sources = []
    checker.ruleset = spec.ruleset
    checker.nlp = NlpProvider(spec.options.spacy_models)
    ctx = RunContext(options=spec.options, focus=spec.focus, nlp=checker.nlp)
    ctx.prepare_only = True  # type: ignore[attr-defined] - rule types may skip model loading
    missing = [n for n in spec.type_names if n not in host.rule_types]
    if missing:
        raise RuntimeError(f"rule type(s) {', '.join(missing)} not available in a worker process "
                           "(registered in-process, not through an entry point?)")
    instances = []
    for name in spec.type_names:
        rules = checker.rules_for(name)
        inst = host.rule_types[name]()
        inst.setup(rules, ctx)
        instances.append((name, inst, rules))
    ctx.errors.clear()  # setup problems were already reported by the parent
    ctx.stats.clear()
    return WorkerState(checker, ctx, instances)


def _init_spawned(spec_bytes: bytes) -> None:
    global _WORKER
    logging.getLogger("factcheck").setLevel(logging.WARNING)
    _WORKER = build_worker(pickle.loads(spec_bytes))


def prepare_one(checker: "Checker", ctx: RunContext, instances, index: int, doc: Document,
                strip_tokens: bool) -> PreparedDoc:
    """``Checker.prepare`` of one document, with the errors it raised taken out of ``ctx``."""
    n_err, before = analysis_cache.mark(ctx)
    timings: dict[str, float] = {}
    claims = checker.prepare([doc], ctx, instances, timings)
    errors = ctx.errors[n_err:]
    del ctx.errors[n_err:]
    # In a worker the statistics travel back with the document; in the parent they are
    # already in ctx.stats and must not be added twice.
    stats = analysis_cache.stats_delta(before, ctx.stats) if strip_tokens else {}
    if strip_tokens:
        for s in doc.sentences:
            s.tokens = None  # spaCy objects stay in the worker
    return PreparedDoc(index=index, fields={k: getattr(doc, k) for k in _DOC_FIELDS}, claims=claims,
                       errors=errors, timings=timings, stats=stats)


def prepare_chunk(state: WorkerState, indexed_docs: list[tuple[int, Document]]) -> ChunkResult:
    """Prepare documents with a worker's Checker; what ``Checker.prepare`` does, one by one."""
    out: list[PreparedDoc] = []
    for index, doc in indexed_docs:
        state.ctx.documents[doc.id] = doc
        out.append(prepare_one(state.checker, state.ctx, state.instances, index, doc, strip_tokens=True))
    states = {}
    for name, inst, _ in state.instances:
        get = getattr(inst, "prepared_state", None)
        if callable(get):
            states[name] = get()
    return ChunkResult(docs=out, states=states, pid=os.getpid())


def _run_chunk(indexed_docs: list[tuple[int, Document]]) -> bytes:
    assert _WORKER is not None, "worker not initialised"
    result = prepare_chunk(_WORKER, indexed_docs)
    # pickle here so that an unpicklable claim is reported with its cause, in one piece
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


# ---------------------------------------------------------------------------------------
# Merging in the parent
# ---------------------------------------------------------------------------------------
def _error_key(e: InputError) -> tuple:
    return (e.kind, e.path, e.line, e.column, e.message)


def merge_prepared(docs: list[Document], prepared: list[PreparedDoc], ctx: RunContext,
                   claims_by_type: dict[str, list]) -> dict[str, float]:
    """Re-link prepared documents onto the parent's objects, in document order."""
    # Problems with a rule itself (e.g. an alias list) are found by every worker that
    # builds the lexicon; a serial run reports them once.
    seen_rule_errors = {_error_key(e) for e in ctx.errors if e.kind == "rule"}
    stage_cpu = {k: 0.0 for k in STAGES}
    for p in sorted(prepared, key=lambda p: p.index):
        doc = docs[p.index]
        for k, v in p.fields.items():
            if getattr(doc, k) is not v:
                setattr(doc, k, v)
        for e in p.errors:
            if e.kind == "rule":
                key = _error_key(e)
                if key in seen_rule_errors:
                    continue
                seen_rule_errors.add(key)
            ctx.errors.append(e)
        for name in claims_by_type:
            claims_by_type[name].extend(p.claims.get(name, []))
        for k, v in p.timings.items():
            stage_cpu[k] = stage_cpu.get(k, 0.0) + v
        analysis_cache.add_stats(ctx, p.stats)
    return stage_cpu


def merge_states(results: list[ChunkResult], instances) -> None:
    for name, inst, _ in instances:
        merge = getattr(inst, "merge_prepared_state", None)
        if callable(merge):
            merge([r.states[name] for r in results if name in r.states])


def _chunks(items: list, n: int) -> list[list]:
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


def prepare_parallel(checker: "Checker", docs: list[Document], ctx: RunContext, instances, jobs: int,
                     timings: dict[str, float]) -> dict[str, list] | None:
    """Prepare ``docs`` with ``jobs`` worker processes; None = let the caller run serially."""
    if resolve_jobs(jobs, len(docs)) <= 1:
        return None
    t_start = time.perf_counter()
    for key in STAGES:
        timings.setdefault(key, 0.0)
    claims_by_type: dict[str, list] = {name: [] for name, _, _ in instances}

    # Documents whose preparation is cached need no worker.
    prepared: list[PreparedDoc] = []
    pending: list[tuple[int, Document]] = []
    for i, d in enumerate(docs):
        entry = analysis_cache.lookup(checker, d, ctx, instances, count_misses=False)
        if entry is None:
            pending.append((i, d))
        else:
            prepared.append(PreparedDoc(index=i, fields=entry.fields, claims=entry.claims, errors=entry.errors,
                                        timings={}, stats=entry.stats))
    workers = resolve_jobs(jobs, len(pending))
    results: list[ChunkResult] = []
    if pending:
        # The parent prepares the first pending document itself: this loads the spaCy
        # pipeline of the corpus language once, before forking, so the workers share it.
        index, doc = pending.pop(0)
        t = time.perf_counter()
        prepared.append(prepare_one(checker, ctx, instances, index, doc, strip_tokens=False))
        own = prepared[-1].timings
        prepared[-1].timings = {}
        for k, v in own.items():
            timings[k] = timings.get(k, 0.0) + v
        if workers <= 1 or len(pending) < 2:
            for index, doc in pending:
                prepared.append(prepare_one(checker, ctx, instances, index, doc, strip_tokens=False))
            pending = []
    method = start_method()
    if pending:
        workers = min(workers, len(pending))
        t_pool = time.perf_counter()
        try:
            results = _run_pool(checker, ctx, instances, pending, workers, method)
        except Exception as exc:  # noqa: BLE001 - never crash: fall back to serial
            log.debug("parallel preparation failed", exc_info=True)
            ctx.error(None, f"parallel preparation ({workers} jobs, {method}) failed: {type(exc).__name__}: {exc}; "
                            "preparing the documents serially", kind="notice")
            results = []
            for index, doc in pending:
                prepared.append(prepare_one(checker, ctx, instances, index, doc, strip_tokens=False))
        else:
            for r in results:
                prepared.extend(r.docs)
        wall = time.perf_counter() - t_pool
        ctx.stat("parallel", "jobs", workers if results else 1)
        ctx.stat("parallel", "start_method", method)
    else:
        wall = 0.0

    worker_docs = {p.index for r in results for p in r.docs}
    stage_cpu = merge_prepared(docs, prepared, ctx, claims_by_type)
    merge_states(results, instances)
    # Timings must add up to wall time (the CLI derives "load" from the total): spread
    # the pool's wall time over the stages in proportion to the workers' CPU time.
    total_cpu = sum(stage_cpu.values())
    serial_in_merge = sum(sum(p.timings.values()) for p in prepared if p.index not in worker_docs)
    pool_cpu = max(0.0, total_cpu - serial_in_merge)
    for key, value in stage_cpu.items():
        if total_cpu > 0:
            timings[key] = timings.get(key, 0.0) + (wall * value / total_cpu if results else value)
    if results:
        ctx.stat("parallel", "worker_cpu_s", round(pool_cpu, 3))
    ctx.stat("parallel", "prepare_wall_s", round(time.perf_counter() - t_start, 3))
    return claims_by_type


def _run_pool(checker: "Checker", ctx: RunContext, instances, rest: list[tuple[int, Document]], workers: int,
              method: str) -> list[ChunkResult]:
    import multiprocessing

    global _WORKER
    mp = multiprocessing.get_context(method)
    if method == "fork":
        _WORKER = WorkerState(checker, ctx, instances)
        initializer, initargs = None, ()
    else:
        _check_spawnable(instances)
        spec = WorkerSpec.from_checker(checker, ctx, instances)
        initializer, initargs = _init_spawned, (pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL),)
    chunks = _chunks(rest, workers * CHUNKS_PER_WORKER)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp, initializer=initializer,
                                 initargs=initargs) as pool:
            raw = list(pool.map(_run_chunk, chunks))
    finally:
        if method == "fork":
            _WORKER = None
    return [pickle.loads(b) for b in raw]


def _check_spawnable(instances) -> None:
    """A spawned worker loads plugins from entry points: every active rule type must be there."""
    from checker.plugins import default_host

    probe = default_host()
    probe.collect()
    missing = [name for name, inst, _ in instances if probe.rule_types.get(name) is not type(inst)]
    if missing:
        raise RuntimeError(f"rule type(s) {', '.join(missing)} not available in a worker process "
                           "(registered in-process, not through an entry point)")

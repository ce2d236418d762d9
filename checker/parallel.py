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


@dataclass
class ChunkResult:
    docs: list[PreparedDoc]
    stats: dict[str, dict[str, Any]]  # what the chunk added to ctx.stats
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


def _snapshot(stats: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {k: dict(v) for k, v in stats.items()}


def _stats_delta(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for kind, bucket in after.items():
        old = before.get(kind, {})
        for key, value in bucket.items():
            if key in old and old[key] == value:
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(old.get(key), (int, float)):
                value = value - old[key]
            out.setdefault(kind, {})[key] = value
    return out


def prepare_chunk(state: WorkerState, indexed_docs: list[tuple[int, Document]]) -> ChunkResult:
    """Prepare documents with a worker's Checker; what ``Checker.prepare`` does, one by one."""
    ctx = state.ctx
    before = _snapshot(ctx.stats)
    out: list[PreparedDoc] = []
    for index, doc in indexed_docs:
        ctx.documents[doc.id] = doc
        n_err = len(ctx.errors)
        timings: dict[str, float] = {}
        claims = state.checker.prepare([doc], ctx, state.instances, timings)
        errors = ctx.errors[n_err:]
        del ctx.errors[n_err:]
        for s in doc.sentences:
            s.tokens = None  # spaCy objects stay in the worker
        out.append(PreparedDoc(index=index, fields={k: getattr(doc, k) for k in _DOC_FIELDS}, claims=claims,
                               errors=errors, timings=timings))
    states = {}
    for name, inst, _ in state.instances:
        get = getattr(inst, "prepared_state", None)
        if callable(get):
            states[name] = get()
    return ChunkResult(docs=out, stats=_stats_delta(before, ctx.stats), states=states, pid=os.getpid())


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


def merge_results(docs: list[Document], results: list[ChunkResult], ctx: RunContext, instances,
                  claims_by_type: dict[str, list]) -> dict[str, float]:
    """Re-link prepared documents onto the parent's objects, in document order."""
    # Problems with a rule itself (e.g. an alias list) are found by every worker that
    # builds the lexicon; a serial run reports them once.
    seen_rule_errors = {_error_key(e) for e in ctx.errors if e.kind == "rule"}
    prepared = sorted((p for r in results for p in r.docs), key=lambda p: p.index)
    stage_cpu = {k: 0.0 for k in STAGES}
    for p in prepared:
        doc = docs[p.index]
        for k, v in p.fields.items():
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
    for r in results:
        for kind, bucket in r.stats.items():
            for key, value in bucket.items():
                old = ctx.stats.get(kind, {}).get(key)
                if isinstance(value, (int, float)) and not isinstance(value, bool) and isinstance(old, (int, float)):
                    ctx.stats[kind][key] = old + value
                else:
                    ctx.stat(kind, key, value)
    for name, inst, _ in instances:
        merge = getattr(inst, "merge_prepared_state", None)
        if callable(merge):
            merge([r.states[name] for r in results if name in r.states])
    return stage_cpu


def _chunks(items: list, n: int) -> list[list]:
    size = max(1, -(-len(items) // n))
    return [items[i:i + size] for i in range(0, len(items), size)]


def prepare_parallel(checker: "Checker", docs: list[Document], ctx: RunContext, instances, jobs: int,
                     timings: dict[str, float]) -> dict[str, list] | None:
    """Prepare ``docs`` with ``jobs`` worker processes; None = let the caller run serially."""
    workers = resolve_jobs(jobs, len(docs))
    if workers <= 1:
        return None
    for key in STAGES:
        timings.setdefault(key, 0.0)
    claims_by_type: dict[str, list] = {name: [] for name, _, _ in instances}
    t_start = time.perf_counter()

    # The parent prepares the first document itself: this loads the spaCy pipeline of
    # the corpus language once, before forking, so the workers share it.
    first = checker.prepare(docs[:1], ctx, instances, timings)
    for name, got in first.items():
        claims_by_type[name].extend(got)
    rest = list(enumerate(docs))[1:]
    if not rest:
        return claims_by_type
    workers = min(workers, len(rest))
    method = start_method()

    results: list[ChunkResult] | None = None
    t_pool = time.perf_counter()
    try:
        results = _run_pool(checker, ctx, instances, rest, workers, method)
    except Exception as exc:  # noqa: BLE001 - never crash: fall back to serial
        log.debug("parallel preparation failed", exc_info=True)
        ctx.error(None, f"parallel preparation ({workers} jobs, {method}) failed: {type(exc).__name__}: {exc}; "
                        "preparing the documents serially", kind="notice")
    if results is None:
        more = checker.prepare([d for _, d in rest], ctx, instances, timings)
        for name, got in more.items():
            claims_by_type[name].extend(got)
        return claims_by_type

    stage_cpu = merge_results(docs, results, ctx, instances, claims_by_type)
    # Timings must add up to wall time (the CLI derives "load" from the total): spread
    # the pool's wall time over the stages in proportion to the workers' CPU time.
    wall = time.perf_counter() - t_pool
    total_cpu = sum(stage_cpu.values())
    for key, value in stage_cpu.items():
        timings[key] = timings.get(key, 0.0) + (wall * value / total_cpu if total_cpu > 0 else 0.0)
    ctx.stat("parallel", "jobs", workers)
    ctx.stat("parallel", "start_method", method)
    ctx.stat("parallel", "worker_cpu_s", round(total_cpu, 3))
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

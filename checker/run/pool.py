"""Per-document preparation (clean, segment, annotate, extract) in worker processes.

``Checker.run`` uses :class:`PoolPreparer` when ``options.jobs`` asks for more than one process.  The work
of each document is independent of the others, so documents are cut into chunks and
prepared by a ``ProcessPoolExecutor``; the parent then re-links what the workers send
back (sentences without their spaCy ``tokens``, removed regions, language, meta and
the claims of every rule type) onto its own ``Document`` objects, in document order,
so that pairing and comparison run unchanged and the output is identical to a serial
run (same findings, same order, same errors).

How a worker gets its ``Checker``:

* ``fork`` start method (Linux default): the worker inherits the parent's
  ``DocumentWork`` and its rule-type instances, already set up, and the spaCy pipelines the parent has
  loaded (the parent prepares the first document itself before starting the pool, so
  the pipeline for the corpus language is warm and shared copy-on-write).  Nothing is
  set up twice and no model is loaded in a worker.
* ``spawn``/``forkserver`` (macOS, Windows, or ``FACTCHECK_MP_START=spawn``): each
  worker builds its own ``DocumentWork`` once in the pool initializer from a picklable
  ``checker.run.prepare.WorkerSpec`` (options, the parent's validated rule set, the
  active rule types).
  The worker's ``RunContext`` has ``prepare_only = True``: a rule type that loads a model
  in ``setup()`` should skip it when that attribute is true (only ``compare`` needs
  models; the built-in NLI rule type loads its model lazily in ``compare`` anyway).

Rule types that keep per-run state filled during ``annotate``/``extract`` (beyond what
they put on sentences and claims) implement the optional ``RuleType.prepared_state``
(called in the worker after its chunk) and ``merge_prepared_state`` (in the parent, chunk
order).

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
from dataclasses import dataclass
from typing import Any

from checker.model import Document
from checker.run.prepare import DocumentWork, SerialPreparer, WorkerSpec, build_work
from checker.run.prepared import STAGES, PreparedDoc, merge_prepared

log = logging.getLogger("factcheck")

#: With ``-j 0`` (auto), corpora smaller than this are prepared serially: starting
#: workers costs more than it saves on a handful of articles.
AUTO_MIN_DOCS = 8
#: With ``-j 0``, at most one worker per this many documents.
AUTO_DOCS_PER_WORKER = 4
#: Chunks per worker (small chunks balance uneven article lengths).
CHUNKS_PER_WORKER = 4


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
# In a worker
# ---------------------------------------------------------------------------------------
@dataclass
class ChunkResult:
    docs: list[PreparedDoc]
    states: dict[str, Any]  # rule type -> prepared_state()
    pid: int


_WORKER: DocumentWork | None = None  # set in the parent before fork, or by the initializer


def _init_spawned(spec_bytes: bytes) -> None:
    global _WORKER
    logging.getLogger("factcheck").setLevel(logging.WARNING)
    _WORKER = build_work(pickle.loads(spec_bytes))


def prepare_chunk(work: DocumentWork, indexed_docs: list[tuple[int, Document]]) -> ChunkResult:
    """Prepare documents in a worker; spaCy objects stay there."""
    out: list[PreparedDoc] = []
    for index, doc in indexed_docs:
        work.ctx.documents[doc.id] = doc
        prepared = work.prepare(doc, index)
        prepared.strip_tokens()
        out.append(prepared)
    states = {name: inst.prepared_state() for name, inst, _ in work.instances if type(inst).defines("prepared_state")}
    return ChunkResult(docs=out, states=states, pid=os.getpid())


def _run_chunk(indexed_docs: list[tuple[int, Document]]) -> bytes:
    assert _WORKER is not None, "worker not initialised"
    result = prepare_chunk(_WORKER, indexed_docs)
    # pickle here so that an unpicklable claim is reported with its cause, in one piece
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def merge_states(results: list[ChunkResult], instances) -> None:
    for name, inst, _ in instances:
        if type(inst).defines("merge_prepared_state"):
            inst.merge_prepared_state([r.states[name] for r in results if name in r.states])


def chunks(items: list, n: int) -> list[list]:
    size = max(1, -(-len(items) // n))
    return [items[i : i + size] for i in range(0, len(items), size)]


# ---------------------------------------------------------------------------------------
# In the parent
# ---------------------------------------------------------------------------------------
class PoolPreparer:
    """Prepares documents with ``jobs`` worker processes (serially where that is cheaper)."""

    def __init__(self, jobs: int | None) -> None:
        self.jobs = jobs

    def prepare(
        self, docs: list[Document], work: DocumentWork, spec: WorkerSpec, timings: dict[str, float]
    ) -> dict[str, list]:
        if resolve_jobs(self.jobs, len(docs)) <= 1:
            return SerialPreparer().prepare(docs, work, spec, timings)
        ctx = work.ctx
        t_start = time.perf_counter()
        for key in STAGES:
            timings.setdefault(key, 0.0)
        prepared, pending = self._cached(docs, work)
        results: list[ChunkResult] = []
        if pending:
            # The parent prepares the first pending document itself: this loads the spaCy
            # pipeline of the corpus language once, before forking, so the workers share it.
            index, doc = pending.pop(0)
            prepared.append(work.prepare(doc, index))
            if resolve_jobs(self.jobs, len(pending) + 1) <= 1 or len(pending) < 2:
                prepared.extend(work.prepare(d, i) for i, d in pending)
                pending = []
        wall = 0.0
        if pending:
            t_pool = time.perf_counter()
            results = self._pool(work, spec, pending, prepared)
            wall = time.perf_counter() - t_pool
        claims_by_type: dict[str, list] = {name: [] for name, _, _ in work.instances}
        worker_docs = {p.index for r in results for p in r.docs}
        serial = {k: sum(p.timings.get(k, 0.0) for p in prepared if p.index not in worker_docs) for k in STAGES}
        stage_cpu = merge_prepared(docs, prepared, ctx, claims_by_type)
        merge_states(results, work.instances)
        _spread_wall_time(timings, stage_cpu, serial, wall, bool(results))
        if results:
            ctx.stat("parallel", "worker_cpu_s", round(sum(stage_cpu.values()) - sum(serial.values()), 3))
        ctx.stat("parallel", "prepare_wall_s", round(time.perf_counter() - t_start, 3))
        return claims_by_type

    @staticmethod
    def _cached(docs: list[Document], work: DocumentWork) -> tuple[list[PreparedDoc], list[tuple[int, Document]]]:
        """Documents whose preparation is cached need no worker."""
        prepared: list[PreparedDoc] = []
        pending: list[tuple[int, Document]] = []
        for i, d in enumerate(docs):
            entry = work.cache.get(d, work.ctx, count_misses=False) if work.cache is not None else None
            if entry is None:
                pending.append((i, d))
            else:
                entry.index = i
                prepared.append(entry)
        return prepared, pending

    def _pool(
        self, work: DocumentWork, spec: WorkerSpec, pending: list[tuple[int, Document]], prepared: list[PreparedDoc]
    ) -> list[ChunkResult]:
        workers = min(resolve_jobs(self.jobs, len(pending)), len(pending))
        method = start_method()
        try:
            results = _run_pool(work, spec, pending, workers, method)
        except Exception as exc:  # noqa: BLE001 - never crash: fall back to serial
            log.debug("parallel preparation failed", exc_info=True)
            work.ctx.error(
                None,
                f"parallel preparation ({workers} jobs, {method}) failed: "
                f"{type(exc).__name__}: {exc}; preparing the documents serially",
                kind="notice",
            )
            prepared.extend(work.prepare(d, i) for i, d in pending)
            results = []
        else:
            for r in results:
                prepared.extend(r.docs)
        work.ctx.stat("parallel", "jobs", workers if results else 1)
        work.ctx.stat("parallel", "start_method", method)
        return results


def _spread_wall_time(
    timings: dict[str, float], stage_cpu: dict[str, float], serial: dict[str, float], wall: float, pooled: bool
) -> None:
    """Timings must add up to wall time (the CLI derives "load" from the total): the
    pool's wall time is spread over the stages in proportion to the workers' CPU time."""
    pool_cpu = {k: stage_cpu.get(k, 0.0) - serial.get(k, 0.0) for k in STAGES}
    total = sum(pool_cpu.values())
    for k in STAGES:
        timings[k] = timings.get(k, 0.0) + serial.get(k, 0.0)
        if pooled and total > 0:
            timings[k] += wall * pool_cpu[k] / total


def _run_pool(
    work: DocumentWork, spec: WorkerSpec, rest: list[tuple[int, Document]], workers: int, method: str
) -> list[ChunkResult]:
    import multiprocessing

    global _WORKER
    mp = multiprocessing.get_context(method)
    # fork: the workers inherit _WORKER (no initializer); spawn: they rebuild it from the spec.
    # A dict because typeshed's overloads cannot take "no initializer or one with its args".
    init: dict[str, Any] = {}
    if method == "fork":
        _WORKER = work
    else:
        _check_spawnable(work.instances)
        init = {"initializer": _init_spawned, "initargs": (pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL),)}
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp, **init) as pool:
            raw = list(pool.map(_run_chunk, chunks(rest, workers * CHUNKS_PER_WORKER)))
    finally:
        if method == "fork":
            _WORKER = None
    return [pickle.loads(b) for b in raw]


def _check_spawnable(instances) -> None:
    """A spawned worker loads plugins from entry points: every active rule type must be there."""
    from checker.plugins import default_host

    probe = default_host()
    missing = [name for name, inst, _ in instances if probe.rule_types.get(name) is not type(inst)]
    if missing:
        raise RuntimeError(
            f"rule type(s) {', '.join(missing)} not available in a worker process "
            "(registered in-process, not through an entry point)"
        )

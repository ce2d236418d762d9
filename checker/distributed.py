"""Optional Dask backend: the same pipeline on a Dask cluster (``pip install factcheck[dask]``).

Two levels of distribution, both deterministic:

1. **Preparation** (clean, segment, annotate, extract) of each document is independent:
   documents are sent in partitions to Dask workers, each of which builds its own
   ``Checker`` once (``checker.parallel.build_worker`` from a picklable ``WorkerSpec``,
   plugins loaded from entry points, ``ctx.prepare_only = True`` so no model loads).
   The client re-links the prepared documents and claims in document order exactly like
   ``-j`` does (``checker.parallel.merge_prepared``), then pairs and compares locally.
2. **Partitioning by story** (:func:`check_partitioned`): a wire of thousands of articles
   is many independent stories.  Documents are grouped by a story key (a function of the
   document, e.g. its directory or a clustering), each group is a complete, independent
   ``check`` run on a worker, and the findings are concatenated and sorted with the
   core's sort key.  No comparison crosses a story, so the cost is the sum of per-story
   costs: linear in the number of stories.

Single-machine mode (a ``LocalCluster`` of processes) is what the tests use; pass the
address of an existing scheduler (``tcp://host:8786``) to use a real cluster (workers
need factcheck and the same plugins installed).
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from checker.model import Document

if TYPE_CHECKING:  # pragma: no cover
    from checker.context import RunContext
    from checker.pipeline import Checker, Result

_WORKER_STATES: dict[bytes, Any] = {}


def _client(address: str | None = None, n_workers: int | None = None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - optional extra
        raise RuntimeError("the Dask backend needs `pip install factcheck[dask]`") from exc
    if address:
        return Client(address)
    cluster = LocalCluster(n_workers=n_workers or 2, threads_per_worker=1, processes=True, dashboard_address=":0")
    return Client(cluster)


def _prepare_partition(spec_bytes: bytes, indexed_docs: list[tuple[int, Document]]) -> bytes:
    """Runs on a Dask worker: one Checker per worker process and spec, reused across tasks."""
    from checker import parallel

    state = _WORKER_STATES.get(spec_bytes)
    if state is None:
        state = parallel.build_worker(pickle.loads(spec_bytes))
        _WORKER_STATES.clear()
        _WORKER_STATES[spec_bytes] = state
    return pickle.dumps(parallel.prepare_chunk(state, indexed_docs), protocol=pickle.HIGHEST_PROTOCOL)


def dask_prepare(client, partitions: int | None = None):
    """A ``prepare`` for ``Checker`` that runs preparation on ``client``'s workers.

    ``checker.prepare = dask_prepare(client).__get__(checker)`` makes every run of that
    checker use Dask (see :func:`check_paths`).
    """
    from checker import parallel
    from checker.pipeline import Checker

    def prepare(self: "Checker", docs: list[Document], ctx: "RunContext", instances, timings=None):
        timings = timings if timings is not None else {}
        if len(docs) < 2:
            return Checker.prepare(self, docs, ctx, instances, timings)
        spec = parallel.WorkerSpec.from_checker(self, ctx, instances)
        spec_bytes = pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL)
        n = partitions or max(1, len(client.scheduler_info().get("workers", {})) * parallel.CHUNKS_PER_WORKER)
        chunks = parallel._chunks(list(enumerate(docs)), n)
        futures = client.map(_prepare_partition, [spec_bytes] * len(chunks), chunks, pure=False)
        results = [pickle.loads(b) for b in client.gather(futures)]
        claims_by_type: dict[str, list] = {name: [] for name, _, _ in instances}
        prepared = [p for r in results for p in r.docs]
        stage_cpu = parallel.merge_prepared(docs, prepared, ctx, claims_by_type)
        parallel.merge_states(results, instances)
        for k, v in stage_cpu.items():
            timings[k] = timings.get(k, 0.0) + v
        ctx.stat("dask", "partitions", len(chunks))
        return claims_by_type

    return prepare


def check_paths(checker: "Checker", paths: Iterable[str], *, address: str | None = None,
                n_workers: int | None = None, **kwargs) -> "Result":
    """``checker.check_paths`` with the per-document work on a Dask cluster."""
    client = _client(address, n_workers)
    try:
        checker.prepare = dask_prepare(client).__get__(checker)
        return checker.check_paths(paths, **kwargs)
    finally:
        checker.__dict__.pop("prepare", None)
        client.close()


def story_of_directory(doc: Document) -> str:
    """Default story key: the directory that holds the article (one folder per story)."""
    return str(Path(doc.id).parent)


def _check_story(spec_bytes: bytes, docs: list[Document]) -> bytes:
    from checker import parallel

    spec = pickle.loads(spec_bytes)
    state = parallel.build_worker(spec)
    result = state.checker.run(docs, focus=spec.focus)
    for d in result.documents:
        for s in d.sentences:
            s.tokens = None
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def check_partitioned(checker: "Checker", docs: list[Document], *, story: Callable[[Document], str] = story_of_directory,
                      address: str | None = None, n_workers: int | None = None) -> "Result":
    """One independent check per story, run on Dask workers; findings merged deterministically."""
    from checker import parallel
    from checker.context import RunContext
    from checker.pipeline import Result, finding_sort_key

    groups: dict[str, list[Document]] = {}
    for d in docs:
        groups.setdefault(story(d), []).append(d)
    ctx = RunContext(options=checker.options, nlp=checker.nlp)
    instances = checker.start_rule_types(ctx)
    spec = parallel.WorkerSpec.from_checker(checker, ctx, instances)
    spec_bytes = pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL)
    keys = sorted(groups)
    client = _client(address, n_workers)
    try:
        futures = client.map(_check_story, [spec_bytes] * len(keys), [groups[k] for k in keys], pure=False)
        results = [pickle.loads(b) for b in client.gather(futures)]
    finally:
        client.close()
    merged = Result()
    merged.errors.extend(checker.errors)
    seen_errors = {str(e) for e in merged.errors}
    by_id = {d.id: d for r in results for d in r.documents}
    merged.documents = [by_id.get(d.id, d) for d in docs]
    for r in results:
        merged.findings.extend(r.findings)
        for e in r.errors:
            if str(e) not in seen_errors:  # rule/plugin problems are reported by every story
                seen_errors.add(str(e))
                merged.errors.append(e)
        for kind, bucket in r.stats.items():
            for key, value in bucket.items():
                old = merged.stats.setdefault(kind, {}).get(key)
                both_numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (old, value))
                merged.stats[kind][key] = old + value if both_numbers else value
        for k, v in r.timings.items():
            merged.timings[k] = merged.timings.get(k, 0.0) + v
    merged.findings.sort(key=finding_sort_key)
    merged.stats.setdefault("dask", {})["stories"] = len(keys)
    return merged

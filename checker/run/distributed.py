"""Optional Dask backend: the same pipeline on a Dask cluster (``pip install factcheck[dask]``).

Two levels of distribution, both deterministic:

1. **Preparation** (clean, segment, annotate, extract) of each document is independent:
   documents are sent in partitions to Dask workers, each of which builds its own
   ``DocumentWork`` once (``checker.run.prepare.build_work`` from a picklable
   ``WorkerSpec``, plugins loaded from entry points, ``ctx.prepare_only = True`` so no
   model loads).  :class:`DaskPreparer` applies the prepared documents in document order
   exactly like ``-j`` does (``checker.run.prepared.merge_prepared``); pairing and
   comparison run in the client.
2. **Partitioning by story** (:func:`check_partitioned`): a wire of thousands of articles
   is many independent stories.  Documents are grouped by a story key (a function of the
   document, e.g. its directory or a clustering), each group is a complete, independent
   ``check`` run on a worker (``Checker.from_parts``), and the findings are concatenated and sorted with the
   core's sort key.  No comparison crosses a story, so the cost is the sum of per-story
   costs: linear in the number of stories.

Single-machine mode (a ``LocalCluster`` of processes) is what the tests use; pass the
address of an existing scheduler (``tcp://host:8786``) to use a real cluster (workers
need factcheck and the same plugins installed).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from checker.model import Document
from checker.run.pipeline import Checker, Result
from checker.run.pool import CHUNKS_PER_WORKER, ChunkResult, chunks, merge_states, prepare_chunk
from checker.run.prepare import DocumentWork, SerialPreparer, WorkerSpec, build_work
from checker.run.prepared import add_stats, merge_prepared

_WORKER_STATES: dict[bytes, DocumentWork] = {}


def _client(address: str | None = None, n_workers: int | None = None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - optional extra
        raise RuntimeError("the Dask backend needs `pip install factcheck[dask]`") from exc
    if address:
        return Client(address)
    cluster = LocalCluster(n_workers=n_workers or 2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    client._factcheck_cluster = cluster  # type: ignore[attr-defined]  # ours to close (``_close``)
    return client


def _close(client) -> None:
    """Close the client and, when this module started it, its local cluster: closing a client
    leaves the cluster it was given running (its worker processes outlived the run)."""
    cluster = getattr(client, "_factcheck_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _prepare_partition(spec_bytes: bytes, indexed_docs: list[tuple[int, Document]]) -> bytes:
    """Runs on a Dask worker: one DocumentWork per worker process and spec, reused across tasks."""
    work = _WORKER_STATES.get(spec_bytes)
    if work is None:
        work = build_work(pickle.loads(spec_bytes))
        _WORKER_STATES.clear()
        _WORKER_STATES[spec_bytes] = work
    return pickle.dumps(prepare_chunk(work, indexed_docs), protocol=pickle.HIGHEST_PROTOCOL)


class DaskPreparer:
    """Prepares documents on a Dask client's workers: ``Checker(preparer=DaskPreparer(client))``."""

    def __init__(self, client: Any, partitions: int | None = None) -> None:
        self.client = client
        self.partitions = partitions

    def prepare(
        self, docs: list[Document], work: DocumentWork, spec: WorkerSpec, timings: dict[str, float]
    ) -> dict[str, list]:
        if len(docs) < 2:
            return SerialPreparer().prepare(docs, work, spec, timings)
        spec_bytes = pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL)
        n = self.partitions or max(1, len(self.client.scheduler_info().get("workers", {})) * CHUNKS_PER_WORKER)
        parts = chunks(list(enumerate(docs)), n)
        futures = self.client.map(_prepare_partition, [spec_bytes] * len(parts), parts, pure=False)
        results: list[ChunkResult] = [pickle.loads(b) for b in self.client.gather(futures)]
        claims_by_type: dict[str, list] = {name: [] for name, _, _ in work.instances}
        stage_cpu = merge_prepared(docs, [p for r in results for p in r.docs], work.ctx, claims_by_type)
        merge_states(results, work.instances)
        for k, v in stage_cpu.items():
            timings[k] = timings.get(k, 0.0) + v
        work.ctx.stat("dask", "partitions", len(parts))
        return claims_by_type


def check_paths(
    checker: Checker, paths: Iterable[str], *, address: str | None = None, n_workers: int | None = None, **kwargs
) -> Result:
    """``checker.check_paths`` with the per-document work on a Dask cluster."""
    client = _client(address, n_workers)
    previous = checker.preparer
    try:
        checker.preparer = DaskPreparer(client)
        return checker.check_paths(paths, **kwargs)
    finally:
        checker.preparer = previous
        _close(client)


def story_of_directory(doc: Document) -> str:
    """Default story key: the directory that holds the article (one folder per story)."""
    return str(Path(doc.id).parent)


def _check_story(spec_bytes: bytes, docs: list[Document]) -> bytes:
    from checker.plugins import default_host

    spec: WorkerSpec = pickle.loads(spec_bytes)
    checker = Checker.from_parts(
        host=default_host(), options=spec.options, ruleset=spec.ruleset, selection=spec.selection
    )
    result = checker.run(docs, focus=spec.focus)
    for d in result.documents:
        for s in d.sentences:
            s.tokens = None
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def check_partitioned(
    checker: Checker,
    docs: list[Document],
    *,
    story: Callable[[Document], str] = story_of_directory,
    address: str | None = None,
    n_workers: int | None = None,
) -> Result:
    """One independent check per story, run on Dask workers; findings merged deterministically."""
    from checker.context import RunContext
    from checker.findings.finalize import finding_sort_key

    groups: dict[str, list[Document]] = {}
    for d in docs:
        groups.setdefault(story(d), []).append(d)
    ctx = RunContext(options=checker.options, nlp=checker.nlp)
    spec = checker.worker_spec(ctx, checker.start_rule_types(ctx))
    spec_bytes = pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL)
    keys = sorted(groups)
    client = _client(address, n_workers)
    try:
        futures = client.map(_check_story, [spec_bytes] * len(keys), [groups[k] for k in keys], pure=False)
        results = [pickle.loads(b) for b in client.gather(futures)]
    finally:
        _close(client)
    merged = Result()
    merged.errors.extend(checker.errors)
    seen_errors = {str(e) for e in merged.errors}
    by_id = {d.id: d for r in results for d in r.documents}
    merged.documents = [by_id.get(d.id, d) for d in docs]
    totals = RunContext(options=checker.options, stats=merged.stats)
    for r in results:
        merged.findings.extend(r.findings)
        for e in r.errors:
            if str(e) not in seen_errors:  # rule/plugin problems are reported by every story
                seen_errors.add(str(e))
                merged.errors.append(e)
        add_stats(totals, r.stats)
        for k, v in r.timings.items():
            merged.timings[k] = merged.timings.get(k, 0.0) + v
    merged.findings.sort(key=finding_sort_key)
    merged.stats.setdefault("dask", {})["stories"] = len(keys)
    return merged

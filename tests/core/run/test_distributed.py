"""Optional Dask backend, single-machine mode (LocalCluster of processes)."""

from __future__ import annotations

import pytest
from helpers.paths import SEEDS

pytest.importorskip("distributed", reason="dask.distributed (the factcheck[dask] extra) is not installed")

from checker.context import Options  # noqa: E402
from checker.run import distributed  # noqa: E402
from checker.run.pipeline import Checker  # noqa: E402
from checker.text.load import make_document  # noqa: E402


def signature(result):
    return (
        [
            (f.rule_id, f.message, f.fingerprint, [(e.doc_id, e.start, e.end) for e in f.evidence])
            for f in result.findings
        ],
        [(d.id, d.language, [(s.start, s.end) for s in d.sentences]) for d in result.documents],
    )


def checker():
    return Checker(options=Options(progress=False, quiet=True, use_cache=False), only_types=["numeric", "relation"])


@pytest.mark.slow
def test_dask_preparation_equals_serial():
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    serial = checker().check_paths(paths)
    dask = distributed.check_paths(checker(), paths, n_workers=2)
    assert serial.findings
    assert signature(dask) == signature(serial)
    assert dask.stats["dask"]["partitions"] >= 2
    assert [str(e) for e in dask.errors] == [str(e) for e in serial.errors]
    _no_worker_left()


@pytest.mark.slow
def test_partition_by_story_keeps_stories_apart():
    texts = {
        "story-a/1.txt": "Microsoft a investi 13,75 milliards de dollars dans OpenAI.",
        "story-a/2.txt": "Microsoft a investi 10 milliards de dollars dans OpenAI.",
        "story-b/1.txt": "Microsoft a investi 13 milliards de dollars dans OpenAI.",
    }
    docs = [make_document(t, name) for name, t in texts.items()]
    result = distributed.check_partitioned(checker(), docs, n_workers=2)
    assert result.stats["dask"]["stories"] == 2
    assert result.findings, "the conflict inside story-a must be found"
    for f in result.findings:
        stories = {e.doc_id.split("/")[0] for e in f.evidence}
        assert stories == {"story-a"}  # never compared across stories
    # same as checking story-a alone
    alone = checker().check_texts({k: v for k, v in texts.items() if k.startswith("story-a")})
    assert [f.fingerprint for f in result.findings] == [f.fingerprint for f in alone.findings]
    _no_worker_left()


def _no_worker_left(wait: float = 10.0) -> None:
    """The local cluster a run started is closed with it: no worker process outlives the run."""
    import multiprocessing
    import time

    deadline = time.monotonic() + wait
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert multiprocessing.active_children() == []

"""-j/--jobs: parallel preparation gives exactly the serial output, or falls back to it."""

from __future__ import annotations

import pytest
from helpers.paths import SEEDS
from helpers.probes import (  # noqa: F401
    NUMBER,
    PARENT_PID,
    PROBE_RULE,
    DyingProbe,
    ProbeRuleType,
    UnpicklableProbe,
    corpus,
    run,
    signature,
    stable,
)

from checker.context import Options
from checker.run import pool as parallel
from checker.run.pipeline import Checker
from checker.run.prepare import build_work


def test_resolve_jobs():
    assert parallel.resolve_jobs(1, 100) == 1
    assert parallel.resolve_jobs(4, 1) == 1
    assert parallel.resolve_jobs(4, 3) == 3
    assert parallel.resolve_jobs(3, 100) == 3
    # auto: serial on small corpora, never more workers than cores
    assert parallel.resolve_jobs(0, parallel.AUTO_MIN_DOCS - 1) == 1
    assert 1 <= parallel.resolve_jobs(0, 10_000) <= parallel.available_cpus()
    assert parallel.resolve_jobs(None, 10_000) == parallel.resolve_jobs(0, 10_000)


def test_parallel_output_identical_to_serial():
    serial = run(ProbeRuleType, 1)
    par = run(ProbeRuleType, 2)
    assert serial.findings, "the probe corpus must produce findings"
    assert any("empty.txt" in str(e) for e in serial.errors)
    assert signature(par) == signature(serial)
    assert par.stats["parallel"]["jobs"] == 2
    assert "parallel" not in serial.stats
    # statistics recorded in workers are merged, not lost or doubled
    assert stable(par.stats["probe"]) == stable(serial.stats["probe"])
    # claims point at the parent's sentence objects (what compare and the report see)
    for doc in par.documents:
        for s in doc.sentences:
            assert s.tokens is None or doc.id == "art00.txt"  # the parent prepares the first one itself


def test_parallel_is_deterministic_across_job_counts():
    sigs = {jobs: signature(run(ProbeRuleType, jobs)) for jobs in (2, 3, 0)}
    assert sigs[2] == sigs[3] == sigs[0]


def test_unpicklable_claims_fall_back_to_serial_with_a_notice():
    serial = run(UnpicklableProbe, 1)
    par = run(UnpicklableProbe, 2)
    notices = [e for e in par.errors if e.kind == "notice"]
    assert len(notices) == 1 and "serially" in notices[0].message
    assert "pickle" in notices[0].message.lower()
    assert signature(par)[0] == signature(serial)[0]
    assert [str(e) for e in par.errors if e.kind != "notice"] == [str(e) for e in serial.errors]


def test_crashing_worker_falls_back_to_serial():
    serial = run(ProbeRuleType, 1)
    par = run(DyingProbe, 2)
    notices = [e for e in par.errors if e.kind == "notice"]
    assert len(notices) == 1 and "serially" in notices[0].message
    assert signature(par)[0] == signature(serial)[0]


def test_spawned_worker_without_the_rule_type_falls_back(monkeypatch):
    # spawned workers rebuild the plugin host from entry points: a rule type registered
    # in-process is missing there, which must be a notice and a serial run, not a crash
    monkeypatch.setenv("FACTCHECK_MP_START", "spawn")
    serial = run(ProbeRuleType, 1)
    par = run(ProbeRuleType, 2)
    notices = [e for e in par.errors if e.kind == "notice"]
    assert len(notices) == 1 and "probe" in notices[0].message
    assert signature(par)[0] == signature(serial)[0]


def test_worker_spec_pickles_and_builds_the_same_rule_types():
    import pickle

    checker = Checker(options=Options(progress=False, quiet=True, use_cache=False), only_types=["numeric"])
    from checker.context import RunContext

    ctx = RunContext(options=checker.options, nlp=checker.nlp)
    instances = checker.start_rule_types(ctx)
    spec = pickle.loads(pickle.dumps(checker.worker_spec(ctx, instances)))
    state = build_work(spec)
    assert [n for n, _, _ in state.instances] == [n for n, _, _ in instances]
    assert state.ctx.prepare_only is True
    assert [r.id for _, _, rules in state.instances for r in rules] == [
        r.id for _, _, rules in instances for r in rules
    ]


@pytest.mark.slow
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_seeds_parallel_equals_serial_with_builtin_plugins(monkeypatch, method):
    monkeypatch.setenv("FACTCHECK_MP_START", method)
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    results = {}
    for jobs in (1, 2):
        checker = Checker(
            options=Options(progress=False, quiet=True, use_cache=False, jobs=jobs), only_types=["numeric", "relation"]
        )
        results[jobs] = checker.check_paths(paths)
    assert not [e for e in results[2].errors if e.kind == "notice"], [str(e) for e in results[2].errors]
    assert signature(results[2]) == signature(results[1])
    for kind in ("numeric", "relation", "entities"):
        assert stable(results[2].stats.get(kind)) == stable(results[1].stats.get(kind))

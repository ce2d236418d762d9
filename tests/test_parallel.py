"""-j/--jobs: parallel preparation gives exactly the serial output, or falls back to it."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from checker import parallel
from checker.context import Options
from checker.model import CandidateGroup, Claim, Evidence, Finding
from checker.pipeline import Checker
from checker.ruletype import RuleType
from checker.testing import make_checker

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PARENT_PID = os.getpid()
NUMBER = re.compile(r"\d+")

PROBE_RULE = """
id: probe.count
extends: probe
level: warning
message: "{a.value} vs {b.value}"
"""


class ProbeRuleType(RuleType):
    """Deterministic toy rule type: the first number of each sentence, keyed by the word before it."""

    name = "probe"
    schema = {"type": "object"}

    def extract(self, doc, rules):
        out = []
        for s in doc.sentences:
            m = NUMBER.search(s.text)
            if not m:
                continue
            words = s.text[: m.start()].split()
            key = words[-1].lower() if words else ""
            self.ctx.add_stat("probe", "numbers", 1)
            out.append(Claim(kind="probe", doc_id=doc.id, sentence=s, start=s.start + m.start(), end=s.start + m.end(),
                             keys=(key,), value={"n": int(m.group())}, data=self.payload(s)))
        return out

    def payload(self, sentence):
        return {"len": len(sentence.text)}

    def compare(self, groups, rules):
        rule = rules[0]
        out = []
        for g in groups:
            claims = sorted(g.claims, key=lambda c: (c.doc_id, c.start))
            for i, a in enumerate(claims):
                for b in claims[i + 1:]:
                    if a.doc_id != b.doc_id and a.value != b.value:
                        out.append(Finding(rule_id=rule.id, kind="probe", level=rule.level,
                                           message=f"{a.value['n']} vs {b.value['n']} ({a.data['len']})",
                                           evidence=[Evidence.from_claim(a), Evidence.from_claim(b)]))
        return out


class UnpicklableProbe(ProbeRuleType):
    def payload(self, sentence):
        return {"len": len(sentence.text), "fn": lambda: None}


class DyingProbe(ProbeRuleType):
    def extract(self, doc, rules):
        if os.getpid() != PARENT_PID:
            os._exit(3)  # a worker that crashes hard
        return super().extract(doc, rules)


def corpus(n: int = 9) -> dict[str, str]:
    texts = {}
    for i in range(n):
        texts[f"art{i:02d}.txt"] = (
            f"Le groupe a recruté {100 + (i % 3)} ingénieurs cette année. "
            f"Selon la direction, le chiffre d'affaires atteint {20 + (i % 2)} millions d'euros.\n\n"
            f"Le rapport compte {7 + i} pages et cite {3} sources."
        )
    texts["empty.txt"] = "   \n"  # an input error in the middle of the corpus keeps its place
    texts["zz_last.txt"] = "Le groupe a recruté 99 ingénieurs cette année."
    return texts


def run(rule_type, jobs: int, texts=None):
    checker = make_checker([PROBE_RULE], rule_types={"probe": rule_type}, only_types=["probe"],
                           options=Options(progress=False, quiet=True, use_cache=False, jobs=jobs))
    return checker.check_texts(texts or corpus())


def stable(stats):
    """Statistics without timings (``seconds``), which differ from run to run."""
    return {k: v for k, v in (stats or {}).items() if k != "seconds"}


def signature(result):
    return (
        [(f.rule_id, f.level, f.message, f.fingerprint, [(e.doc_id, e.start, e.end, e.line, e.column, e.quote)
                                                        for e in f.evidence]) for f in result.findings],
        [str(e) for e in result.errors],
        [(d.id, d.language, len(d.sentences), [(s.start, s.end, s.section) for s in d.sentences]) for d in result.documents],
    )


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


def test_worker_spec_pickles_and_builds_a_checker():
    import pickle

    checker = Checker(options=Options(progress=False, quiet=True, use_cache=False), only_types=["numeric"])
    from checker.context import RunContext

    ctx = RunContext(options=checker.options, nlp=checker.nlp)
    instances = checker.start_rule_types(ctx)
    spec = pickle.loads(pickle.dumps(parallel.WorkerSpec.from_checker(checker, ctx, instances)))
    state = parallel.build_worker(spec)
    assert [n for n, _, _ in state.instances] == [n for n, _, _ in instances]
    assert state.ctx.prepare_only is True
    assert [r.id for _, _, rules in state.instances for r in rules] == [r.id for _, _, rules in instances for r in rules]


@pytest.mark.slow
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_seeds_parallel_equals_serial_with_builtin_plugins(monkeypatch, method):
    monkeypatch.setenv("FACTCHECK_MP_START", method)
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    results = {}
    for jobs in (1, 2):
        checker = Checker(options=Options(progress=False, quiet=True, use_cache=False, jobs=jobs),
                          only_types=["numeric", "relation"])
        results[jobs] = checker.check_paths(paths)
    assert not [e for e in results[2].errors if e.kind == "notice"], [str(e) for e in results[2].errors]
    assert signature(results[2]) == signature(results[1])
    for kind in ("numeric", "relation", "entities"):
        assert stable(results[2].stats.get(kind)) == stable(results[1].stats.get(kind))

"""The analysis cache (checker/run/cache.py): warm runs give the cold run's output."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers.paths import REPO
from helpers.probes import (
    PROBE_RULE,
    ProbeRuleType,
    UnpicklableProbe,
    corpus,
    signature,
    stable,
)

from checker.context import Options
from checker.run import cache as analysis_cache
from checker.testing import make_checker


def make(rule_type, cache_dir: Path, *, jobs: int = 1, use_cache: bool = True, rules=(PROBE_RULE,)):
    checker = make_checker(
        list(rules),
        rule_types={"probe": rule_type},
        only_types=["probe"],
        options=Options(progress=False, quiet=True, use_cache=use_cache, cache_dir=cache_dir, jobs=jobs),
    )
    return checker


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / analysis_cache.SUBDIR).rglob("*.pkl"))


def test_warm_run_is_identical_and_hits(tmp_path):
    cold = make(ProbeRuleType, tmp_path).check_texts(corpus())
    assert cold.stats["analysis_cache"]["misses"] == len(cold.documents)
    assert len(entries(tmp_path)) == len(cold.documents)
    warm = make(ProbeRuleType, tmp_path).check_texts(corpus())
    assert warm.stats["analysis_cache"] == {"hits": len(cold.documents)}
    assert signature(warm) == signature(cold)
    assert stable(warm.stats["probe"]) == stable(
        cold.stats["probe"]
    )  # statistics recorded while preparing are replayed
    # the error for the empty document comes back from the cache, in its place
    assert [str(e) for e in warm.errors] == [str(e) for e in cold.errors]


def test_parallel_run_uses_the_cache(tmp_path):
    cold = make(ProbeRuleType, tmp_path).check_texts(corpus())
    warm = make(ProbeRuleType, tmp_path, jobs=2).check_texts(corpus())
    assert signature(warm) == signature(cold)
    assert warm.stats["analysis_cache"]["hits"] == len(cold.documents)
    assert "jobs" not in warm.stats.get("parallel", {})  # nothing left to prepare: no pool started


def test_partial_cache_with_jobs_keeps_order(tmp_path):
    texts = corpus()
    half = dict(list(texts.items())[::2])
    make(ProbeRuleType, tmp_path).check_texts(half)
    serial = make(ProbeRuleType, tmp_path / "other", use_cache=False).check_texts(texts)
    mixed = make(ProbeRuleType, tmp_path, jobs=2).check_texts(texts)
    assert signature(mixed) == signature(serial)
    assert stable(mixed.stats["probe"]) == stable(serial.stats["probe"])


def test_changed_text_or_rule_misses(tmp_path):
    texts = corpus()
    make(ProbeRuleType, tmp_path).check_texts(texts)
    # same number of words: no other document's assigned language changes (that would miss too)
    texts["art03.txt"] = texts["art03.txt"].replace("pages", "feuillets")
    again = make(ProbeRuleType, tmp_path).check_texts(texts)
    assert again.stats["analysis_cache"] == {"hits": len(texts) - 1, "misses": 1, "stored": 1}
    other_rule = PROBE_RULE.replace("level: warning", "level: error")
    changed = make(ProbeRuleType, tmp_path, rules=(other_rule,)).check_texts(texts)
    assert "hits" not in changed.stats["analysis_cache"]


def test_no_cache_neither_reads_nor_writes(tmp_path):
    result = make(ProbeRuleType, tmp_path, use_cache=False).check_texts(corpus())
    assert "analysis_cache" not in result.stats
    assert entries(tmp_path) == []


def test_broken_entry_is_a_miss_a_notice_and_is_rewritten(tmp_path):
    cold = make(ProbeRuleType, tmp_path).check_texts(corpus())
    victim = entries(tmp_path)[0]
    victim.write_bytes(b"not a pickle")
    warm = make(ProbeRuleType, tmp_path).check_texts(corpus())
    assert warm.stats["analysis_cache"]["misses"] == 1
    findings, _, documents = signature(warm)
    assert (findings, documents) == (signature(cold)[0], signature(cold)[2])
    notices = [e for e in warm.errors if e.kind == "notice" and "not signed" in e.message]
    assert [e.path for e in notices] == [str(victim)]
    assert [str(e) for e in warm.errors if e not in notices] == [str(e) for e in cold.errors]
    assert analysis_cache.read_entry(victim)  # rewritten, signed
    again = make(ProbeRuleType, tmp_path).check_texts(corpus())
    assert signature(again) == signature(cold)  # nothing left to say


def test_unpicklable_claims_are_not_cached_and_do_not_fail(tmp_path):
    result = make(UnpicklableProbe, tmp_path).check_texts(corpus())
    assert result.findings
    assert result.stats["analysis_cache"]["unpicklable"] >= 1
    assert not [e for e in result.errors if e.kind in ("plugin", "notice")]


def test_spacy_objects_are_stored_as_none(tmp_path):
    checker = make(ProbeRuleType, tmp_path)
    checker.check_texts({"a.txt": "Le groupe a recruté 12 ingénieurs.", "b.txt": "Le groupe a recruté 13 ingénieurs."})
    for path in entries(tmp_path):
        entry = analysis_cache.read_entry(path)
        assert all(s.tokens is None for s in entry.fields["sentences"])
        for claims in entry.claims.values():
            for c in claims:  # claims point at the stored sentences, not copies
                assert any(c.sentence is s for s in entry.fields["sentences"])


@pytest.mark.slow
def test_warm_process_does_not_import_spacy(tmp_path):
    """A fully cached run never imports spaCy (or torch): measured in a fresh interpreter."""
    script = textwrap.dedent(f"""
        import sys, json
        sys.path.insert(0, {str(REPO / "tests")!r})
        from pathlib import Path
        from checker.context import Options
        from checker.run.pipeline import Checker
        checker = Checker(options=Options(progress=False, quiet=True, cache_dir=Path({str(tmp_path)!r})),
                          only_types=["numeric", "relation"])
        paths = sorted(str(p) for p in Path({str(REPO / "seeds")!r}).glob("*.txt"))
        r = checker.check_paths(paths)
        print(json.dumps({{"spacy": "spacy" in sys.modules, "torch": "torch" in sys.modules,
                           "lingua": "lingua" in sys.modules, "cache": r.stats.get("analysis_cache"),
                           "findings": [f.fingerprint for f in r.findings]}}))
    """)
    import json

    runs = []
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
        assert proc.returncode == 0, proc.stderr[-3000:]
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    cold, warm = runs
    assert cold["spacy"] is True and "hits" not in (cold["cache"] or {})
    assert warm["cache"] == {"hits": 5}
    assert warm["spacy"] is False and warm["torch"] is False
    assert warm["findings"] == cold["findings"]
